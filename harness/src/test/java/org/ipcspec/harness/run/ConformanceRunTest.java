package org.ipcspec.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
