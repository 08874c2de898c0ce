package org.ipcspec.harness;

import org.ipcspec.harness.suite.ConformanceIT;

/**
 * This repository's run of the shipped suite, under Failsafe in the integration-test phase (the
 * endpoint jar exists by then): the suite's annotations are inherited, so it runs exactly what a
 * user's build runs. {@code mvn verify -Dcucumber.filter.tags="@S1"} narrows it.
 */
class ConformanceSuiteIT extends ConformanceIT {
}
