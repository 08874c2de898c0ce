package org.ipcspec.harness.history;

/**
 * Identifies a message across processes: a generated payload by its sender id and seq, a text
 * payload by its text (a text payload carries no header, docs/protocol.md#generated-payloads).
 */
public record MessageKey(long senderId, long seq, String text) {

    public static MessageKey generated(long senderId, long seq) {
        return new MessageKey(senderId, seq, null);
    }

    public static MessageKey text(String text) {
        return new MessageKey(-1, -1, text);
    }

    public boolean isText() {
        return text != null;
    }

    /** For people: "seq 3 of sender 1", or "text \"<p>hi</p>\"" (cut at 40 characters). */
    @Override
    public String toString() {
        if (text == null) {
            return "seq " + seq + " of sender " + senderId;
        }
        String t = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return "text \"" + t + "\"";
    }
}
