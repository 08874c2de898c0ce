package org.ipcspec.harness.history;

/** Which end of a channel an open asked for (docs/protocol.md#open, field {@code role}). */
public enum Role {
    SENDER,
    RECEIVER,
    UNKNOWN;

    /** The protocol's word: "sender", "receiver". */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Role of(String word) {
        if (word == null) {
            return UNKNOWN;
        }
        return switch (word) {
            case "sender" -> SENDER;
            case "receiver" -> RECEIVER;
            default -> UNKNOWN;
        };
    }
}
