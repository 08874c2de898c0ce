package org.ipcspec.harness.run;

/**
 * How a scenario ended, kept apart the way a conformance report needs (jcstress-style): the
 * implementation broke a rule, or could not be judged because something broke.
 */
public enum Outcome {
    /** Every rule held. */
    PASSED,
    /** The implementation broke a rule (an assertion naming the rule). */
    FAILED,
    /** The implementation does not offer what the scenario needs (a transport, an op): skipped, not failed. */
    UNSUPPORTED,
    /** The implementation's process or the harness misbehaved: crash, no hello, garbage, hang, bad profile. */
    BROKEN;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
