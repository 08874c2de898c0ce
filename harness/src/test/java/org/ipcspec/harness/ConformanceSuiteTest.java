package org.ipcspec.harness;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The whole conformance suite against the implementation of {@code -Dipcspec.profile} (the
 * reference implementation by default). Settings are in {@code junit-platform.properties}.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
public class ConformanceSuiteTest {
}
