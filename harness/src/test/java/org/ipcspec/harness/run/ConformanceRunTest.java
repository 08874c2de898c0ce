package org.ipcspec.harness.run;

import static io.cucumber.junit.platform.engine.Constants.FILTER_TAGS_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PARALLEL_CONFIG_FIXED_PARALLELISM_PROPERTY_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.platform.engine.ConfigurationParameters;

import org.junit.jupiter.api.Test;

import org.ipcspec.harness.outcome.Outcome;

class ConformanceRunTest {

    @Test
    void acceptsCucumberAndJunitTagExpressions() {
        assertEquals("shm & !throughput", ConformanceRun.junitTagExpression("@shm and not @throughput"));
        assertEquals("(S1 | S2) & sync-send", ConformanceRun.junitTagExpression("(@S1 or @S2) and @sync-send"));
        assertEquals("shm & !file", ConformanceRun.junitTagExpression("shm & !file"));
    }

    @Test
    void aRunTakesTheSuiteSettingsAndItsParallelismButNothingFromSystemProperties() {
        // What `mvn verify -Dcucumber.filter.tags=@S1` puts into every test JVM of the build.
        String before = System.setProperty(FILTER_TAGS_PROPERTY_NAME, "@no-such-tag");
        try {
            ConfigurationParameters settings = ConformanceRun.request(RunOptions.defaults().withParallelism(2))
                    .getConfigurationParameters();
            assertTrue(settings.get(FILTER_TAGS_PROPERTY_NAME).isEmpty(), "the system property leaked into the run");
            assertEquals("org.ipcspec.harness.steps", settings.get(GLUE_PROPERTY_NAME).orElseThrow());
            assertEquals("2", settings.get(PARALLEL_CONFIG_FIXED_PARALLELISM_PROPERTY_NAME).orElseThrow());
        } finally {
            if (before == null) {
                System.clearProperty(FILTER_TAGS_PROPERTY_NAME);
            } else {
                System.setProperty(FILTER_TAGS_PROPERTY_NAME, before);
            }
        }
    }

    @Test
    void scenarioNameIsTheLastPartOfTheLongDisplayName() {
        assertEquals("A send (shm)", ResultCollector.scenarioName("Feature - Outline (<transport>) - shm - A send (shm)"));
        assertEquals("plain", ResultCollector.scenarioName("plain"));
    }

    @Test
    void assertionsAreConformanceFailuresAndAnythingElseIsBroken() {
        assertEquals(Outcome.FAILED, Outcome.of(new AssertionError("S1 violated: ...")));
        assertEquals(Outcome.BROKEN, Outcome.of(new IllegalStateException("harness")));
        assertEquals(Outcome.UNSUPPORTED, Outcome.of(new org.opentest4j.TestAbortedException("unsupported: x")));
    }
}
