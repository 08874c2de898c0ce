package org.ipcspec.harness.steps;

import io.cucumber.java.ParameterType;

import org.ipcspec.harness.history.Mode;

/** The words of the step vocabulary that stand for values (docs/steps.md lists them). */
public final class ParameterTypes {

    /** A transport name as an implementation's hello announces it. */
    @ParameterType("[a-z][a-z0-9_-]*")
    public String transport(String name) {
        return name;
    }

    /** "synchronously" or "asynchronously", as the protocol's mode. */
    @ParameterType("synchronously|asynchronously")
    public Mode mode(String word) {
        return word.equals("synchronously") ? Mode.SYNC : Mode.ASYNC;
    }

    /**
     * Who: "the sender", "the receiver", "the second sender", "the new receiver", "sender 2", or with
     * "a" in Given steps. The name is the words after the article.
     */
    @ParameterType("(?:the |a )?(?:(?:second|new) )?(?:sender|receiver)(?: \\d+)?")
    public String participant(String words) {
        return words.replaceFirst("^(the|a) ", "");
    }
}
