package org.ipcspec.harness.process;

/**
 * The implementation's process misbehaved in a way no rule describes: it crashed at start, sent
 * no hello, wrote garbage on stdout, hung past every bound. Kept apart from a conformance
 * violation (an {@link AssertionError}) so that reports and the exit status tell "the
 * implementation broke a rule" from "the run could not be judged". In Allure it shows as broken.
 */
public class EndpointBrokenException extends RuntimeException {

    public EndpointBrokenException(String message) {
        super(message);
    }

    public EndpointBrokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
