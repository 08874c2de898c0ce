package org.ipcspec.harness.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.ipcspec.harness.spec.ScenarioTags;
import org.junit.jupiter.api.Test;

class ScenarioResultTest {

    private static ScenarioResult result(Outcome outcome, String message) {
        return new ScenarioResult("s", "features/ordering.feature:59", ScenarioTags.of(List.of("O1", "O2", "socket")),
                outcome, message, Duration.ZERO, "");
    }

    @Test
    void aFailureOfARuleTheTagsDoNotNameAddsThatRule() {
        ScenarioResult r = result(Outcome.FAILED, "O2 violated: message 3 twice\nW1 violated: the sender could not open the main channel");
        assertEquals(List.of("O1", "O2", "W1"), r.rules());
    }

    @Test
    void onlyAFailureNamesRules() {
        // A broken run's message may quote a line that happens to read "X1 violated:"; it judged nothing.
        assertEquals(List.of("O1", "O2"), result(Outcome.BROKEN, "C1 violated: quoted").rules());
        assertEquals(List.of("O1", "O2"), result(Outcome.FAILED, "ZZ9 violated: no such rule; O1 violated: mid-line").rules());
    }
}
