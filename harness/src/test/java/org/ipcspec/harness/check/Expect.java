package org.ipcspec.harness.check;

import org.ipcspec.harness.history.History;
import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.profile.Bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Assertions on verdicts, shared by the checker tests. */
final class Expect {

    static final Bounds BOUNDS = Bounds.of(250, 300, 5000);

    private Expect() {
    }

    static Verdict run(String rule, History h) {
        return run(rule, h, ScenarioFacts.NONE);
    }

    static Verdict run(String rule, History h, ScenarioFacts facts) {
        return run(rule, h, facts, BOUNDS);
    }

    static Verdict run(String rule, History h, ScenarioFacts facts, Bounds bounds) {
        return Checkers.get(rule).check(h, facts, bounds);
    }

    static void passes(Verdict v) {
        if (!v.passed()) {
            fail("expected " + v.rule() + " to pass, got " + v.outcome() + ":\n" + v);
        }
        assertTrue(v.checked() > 0);
    }

    /** Fails with a reason that starts with "RULE violated:" and contains every fragment. */
    static void fails(Verdict v, String... fragments) {
        assertEquals(Outcome.FAILED, v.outcome(), () -> "expected a failure, got " + v);
        for (String reason : v.reasons()) {
            assertTrue(reason.startsWith(v.rule() + " violated: "), reason);
        }
        String all = String.join("\n", v.reasons());
        for (String f : fragments) {
            assertTrue(all.contains(f), () -> "reason lacks '" + f + "':\n" + all);
        }
    }

    static void notApplicable(Verdict v) {
        assertEquals(Outcome.SKIPPED, v.outcome(), () -> v.toString());
    }
}
