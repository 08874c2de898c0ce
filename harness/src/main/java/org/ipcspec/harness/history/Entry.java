package org.ipcspec.harness.history;

import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened in a scenario: a line an endpoint wrote, or a mark the harness made.
 *
 * <p>{@code time} is the entry's instant on the shared monotonic clock (nanoseconds): an event's own
 * {@code t}, or, for replies, hello, unparsed lines and marks, the harness's time. {@code arrival} is
 * always the harness's time (when the line was read, or when the mark was made). {@code index} is
 * the order of recording; one participant's lines are recorded in the order it wrote them.
 *
 * @param index       position in the history, from 0
 * @param kind        what sort of entry
 * @param participant the process it concerns ("sender", "receiver", "sender2", ...)
 * @param time        instant on the shared clock, ns
 * @param arrival     harness time of recording, ns
 * @param fields      the parsed JSON object (lines), the request (REQUEST), or details (other marks);
 *                    unmodifiable, values are String, Boolean, Long, Double, List, Map or null
 */
public record Entry(int index, Kind kind, String participant, long time, long arrival, Map<String, Object> fields) {

    /** What sort of entry. */
    public enum Kind {
        /** A protocol line the endpoint wrote (hello, event, reply). */
        LINE,
        /** A stdout line that was not a JSON object; fields hold {@code raw} and {@code error}. */
        UNPARSED,
        /** The harness wrote a request to the participant's stdin; fields are the request. */
        REQUEST,
        /** The harness started the participant's process. */
        STARTED,
        /** The harness killed the participant's process (SIGKILL sent). */
        KILLED,
        /** The harness stopped the participant's process (SIGSTOP sent and the process seen stopped). */
        PAUSED,
        /** The harness let the participant's process go on (SIGCONT sent). */
        RESUMED,
        /** The participant's process was seen to have exited; fields may hold {@code exit_code}. */
        EXITED
    }

    public Entry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(participant, "participant");
        fields = Fields.freeze(fields);
    }

    /** {@code type} of a line ("event", "reply", "hello"), or null. */
    public String type() {
        return kind == Kind.LINE ? str("type") : null;
    }

    /** {@code event} name of an event line, or null. */
    public String event() {
        return "event".equals(type()) ? str("event") : null;
    }

    public boolean isEvent(String name) {
        return name.equals(event());
    }

    public boolean isReply() {
        return "reply".equals(type());
    }

    /** {@code op} of a REQUEST mark, or null. */
    public String op() {
        return kind == Kind.REQUEST ? str("op") : null;
    }

    /** The {@code id} of a request or reply, or null when absent or not an integer. */
    public Long id() {
        return num("id");
    }

    public String channel() {
        String c = str("channel");
        return c == null ? "main" : c;
    }

    public boolean has(String key) {
        return fields.get(key) != null;
    }

    public Object get(String key) {
        return fields.get(key);
    }

    /** A string field, or null when absent or not a string. */
    public String str(String key) {
        return fields.get(key) instanceof String s ? s : null;
    }

    /** An integral field, or null when absent or not integral. */
    public Long num(String key) {
        return Fields.integral(fields.get(key));
    }

    /** An integral field, or {@code dflt}. */
    public long num(String key, long dflt) {
        Long v = num(key);
        return v == null ? dflt : v;
    }

    /** A boolean field, or null. */
    public Boolean bool(String key) {
        return fields.get(key) instanceof Boolean b ? b : null;
    }

    /** A nested object field, or an empty map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> obj(String key) {
        return fields.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The {@code status} field, or null. */
    public String status() {
        return str("status");
    }

    @Override
    public String toString() {
        return "#" + index + " " + kind + " " + participant + " t=" + time + " " + fields;
    }
}
