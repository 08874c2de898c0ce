package org.ipcspec.harness.steps;

import java.util.EnumSet;
import java.util.Set;

import org.ipcspec.harness.check.Verdict;
import org.ipcspec.harness.spec.Rule;

/**
 * A step that finds the implementation breaking a rule says so in one shape, "RULE violated: what
 * happened", as an {@link AssertionError}: reports count it as a conformance failure (not a broken
 * run), and the categories of the report match this wording.
 */
final class Violations {

    /** Rules a step of the scenario running on this thread has asserted (a scenario runs on one thread). */
    private static final ThreadLocal<Set<Rule>> ASSERTED = ThreadLocal.withInitial(() -> EnumSet.noneOf(Rule.class));

    private Violations() {
    }

    static AssertionError violated(Rule rule, String what) {
        ASSERTED.get().add(rule);
        return new AssertionError(rule + " violated: " + what);
    }

    static void require(boolean holds, Rule rule, String what) {
        ASSERTED.get().add(rule);
        if (!holds) {
            throw violated(rule, what);
        }
    }

    /** A checker's verdict as a step's assertion: its reasons already read "RULE violated: ...". */
    static void require(Verdict verdict) {
        ASSERTED.get().add(verdict.rule());
        if (verdict.failed()) {
            throw new AssertionError(String.join("\n", verdict.reasons()));
        }
    }

    /** Several checkers' verdicts at once: every rule broken is named, not only the first. */
    static void requireAll(java.util.List<Verdict> verdicts) {
        verdicts.forEach(v -> ASSERTED.get().add(v.rule()));
        java.util.List<String> reasons = verdicts.stream().filter(Verdict::failed).flatMap(v -> v.reasons().stream()).toList();
        if (!reasons.isEmpty()) {
            throw new AssertionError(String.join("\n", reasons));
        }
    }

    /** Starts a scenario's record of asserted rules. */
    static void reset() {
        ASSERTED.get().clear();
    }

    static Set<Rule> asserted() {
        return Set.copyOf(ASSERTED.get());
    }
}
