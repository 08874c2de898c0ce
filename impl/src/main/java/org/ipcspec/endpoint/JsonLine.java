package org.ipcspec.endpoint;

import java.util.List;

/**
 * Builds one protocol line: a JSON object written member by member, in the order the protocol
 * shows them. Nested objects are opened with {@link #beginObject(String)} and closed with
 * {@link #endObject()}. Not thread-safe; one line per instance.
 */
final class JsonLine {

    private final StringBuilder out = new StringBuilder(128);
    /** Whether the object being written has no member yet (one bit per nesting level). */
    private long firstAtDepth = 1;
    private int depth;

    JsonLine() {
        out.append('{');
    }

    /** A reply line: {@code {"type":"reply","id":<id or null>,"ok":<ok>}. */
    static JsonLine reply(Long id, boolean ok) {
        JsonLine line = new JsonLine().string("type", "reply");
        if (id == null) {
            line.nullValue("id");
        } else {
            line.number("id", id);
        }
        return line.bool("ok", ok);
    }

    /** An event line: {@code {"type":"event","event":<name>,"channel":<channel>}. */
    static JsonLine event(String event, String channel) {
        return new JsonLine().string("type", "event").string("event", event).string("channel", channel);
    }

    JsonLine number(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    JsonLine string(String name, String value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    JsonLine bool(String name, boolean value) {
        name(name);
        out.append(value);
        return this;
    }

    JsonLine nullValue(String name) {
        name(name);
        out.append("null");
        return this;
    }

    JsonLine strings(String name, List<String> values) {
        name(name);
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            quote(values.get(i));
        }
        out.append(']');
        return this;
    }

    JsonLine beginObject(String name) {
        name(name);
        out.append('{');
        depth++;
        firstAtDepth |= 1L << depth;
        return this;
    }

    JsonLine endObject() {
        out.append('}');
        firstAtDepth &= ~(1L << depth);
        depth--;
        return this;
    }

    /** The finished line, without its newline. */
    String finish() {
        if (depth != 0) {
            throw new IllegalStateException("unclosed nested object: depth=" + depth);
        }
        return out.append('}').toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void name(String name) {
        long bit = 1L << depth;
        if ((firstAtDepth & bit) != 0) {
            firstAtDepth &= ~bit;
        } else {
            out.append(',');
        }
        quote(name);
        out.append(':');
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    if (c < 0x20 || (Character.isSurrogate(c) && !pairedSurrogate(s, i))) {
                        // Control characters must be escaped; a lone surrogate cannot be
                        // encoded as UTF-8, so it is escaped rather than silently replaced.
                        out.append("\\u");
                        String h = Integer.toHexString(c);
                        out.append("0000", h.length(), 4).append(h);
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
