package org.ipcspec.harness.steps;

/**
 * A step that finds the implementation breaking a rule says so in one shape, "RULE violated: what
 * happened", as an {@link AssertionError}: reports count it as a conformance failure (not a broken
 * run), and the categories of the report match this wording.
 */
final class Violations {

    private Violations() {
    }

    static AssertionError violated(String rule, String what) {
        return new AssertionError(rule + " violated: " + what);
    }

    static void require(boolean holds, String rule, String what) {
        if (!holds) {
            throw violated(rule, what);
        }
    }
}
