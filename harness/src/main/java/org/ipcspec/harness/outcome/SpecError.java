package org.ipcspec.harness.outcome;

/**
 * The scenario, not the implementation, is wrong: a setup its steps cannot use, a rule its tags
 * leave ambiguous, a call judged that was never made. The message names the place in the spec.
 */
public class SpecError extends RuntimeException {

    /** Every spec error's message starts so, which is how a report tells it from a broken run. */
    public static final String PREFIX = "spec error: ";

    public SpecError(String message) {
        super(PREFIX + message);
    }
}
