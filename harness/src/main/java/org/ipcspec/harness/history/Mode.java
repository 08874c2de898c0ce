package org.ipcspec.harness.history;

import java.util.Locale;

/**
 * Whether a channel end's calls block (docs/protocol.md#open, field {@code mode}): a synchronous
 * send waits for collection, a synchronous receive for a message; asynchronous ones return at once.
 */
public enum Mode {
    SYNC,
    ASYNC,
    /** Absent from the open, or a word the protocol does not know: no rule that depends on the mode applies. */
    UNKNOWN;

    /** The protocol's word: "sync", "async". */
    public String word() {
        return this == UNKNOWN ? "?" : name().toLowerCase(Locale.ROOT);
    }

    public static Mode of(String word) {
        if (word == null) {
            return UNKNOWN;
        }
        return switch (word) {
            case "sync" -> SYNC;
            case "async" -> ASYNC;
            default -> UNKNOWN;
        };
    }

    @Override
    public String toString() {
        return word();
    }
}
