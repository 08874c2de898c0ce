package org.ipcspec.harness.suite;

import org.junit.platform.suite.api.ConfigurationParametersResource;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The whole conformance suite as a JUnit Platform suite, against the implementation of
 * {@code -Dipcspec.profile=FILE} (or {@code -Dipcspec.impl=COMMAND}; the reference implementation
 * by default). The features come from the class path (this artifact carries them), the settings
 * from {@link SuiteSettings#RESOURCE}. Named *IT so that Failsafe's default includes pick it when a
 * build scans this artifact ({@code <dependenciesToScan>org.ipcspec:ipcspec-harness}): see
 * docs/examples/maven-project. Scenarios are filtered with {@code -Dcucumber.filter.tags=...}.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
@ConfigurationParametersResource(SuiteSettings.RESOURCE)
public class ConformanceIT {
}
