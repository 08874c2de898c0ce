package org.ipcspec.endpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader (RFC 8259) working on the raw UTF-8 bytes of one line, so that
 * malformed UTF-8 is caught too. The endpoint has no runtime dependencies because it is forked
 * hundreds of times per run and its start-up time counts.
 *
 * <p>Values map to: object = {@code Map<String,Object>}, array = {@code List<Object>}, string =
 * {@code String}, integer without fraction or exponent that fits = {@code Long}, any other number
 * = {@code Double}, {@code true}/{@code false} = {@code Boolean}, {@code null} = {@link #NULL}
 * (so that a member that is present but null differs from one that is absent).
 *
 * <p>Refused: duplicate keys, lone surrogates in {@code \}u escapes, unescaped control
 * characters in strings, leading zeros, trailing content, nesting deeper than {@link #MAX_DEPTH}.
 */
final class Json {

    /** The JSON {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Deeper nesting is refused rather than risking the reader's stack. */
    static final int MAX_DEPTH = 256;

    private final byte[] in;
    private final int base;
    private final int end;
    private int pos;
    private int depth;

    private Json(byte[] in, int from, int to) {
        this.in = in;
        this.base = from;
        this.pos = from;
        this.end = to;
    }

    /** Parses exactly one JSON value (with optional surrounding whitespace) from {@code in[from, to)}. */
    static Object parse(byte[] in, int from, int to) throws JsonException {
        Json reader = new Json(in, from, to);
        reader.skipWhitespace();
        if (reader.pos == reader.end) {
            throw new JsonException(reader.pos - from, "empty line, expected a JSON value");
        }
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.pos != reader.end) {
            throw reader.error("unexpected " + reader.describe(reader.pos) + " after the JSON value");
        }
        return value;
    }

    static Object parse(String text) throws JsonException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return parse(bytes, 0, bytes.length);
    }

    private Object value() throws JsonException {
        if (pos == end) {
            throw error("unexpected end of line, expected a value");
        }
        int c = in[pos];
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected " + describe(pos) + ", expected a value");
        }
    }

    private Map<String, Object> object() throws JsonException {
        enter();
        pos++; // '{'
        Map<String, Object> members = new HashMap<>();
        skipWhitespace();
        if (pos < end && in[pos] == '}') {
            pos++;
            depth--;
            return members;
        }
        while (true) {
            skipWhitespace();
            if (pos == end || in[pos] != '"') {
                throw error("expected a member name in double quotes, found " + describe(pos));
            }
            int keyAt = pos;
            String key = string();
            skipWhitespace();
            expect(':', "after member name");
            skipWhitespace();
            Object value = value();
            if (members.put(key, value) != null) {
                throw new JsonException(keyAt - start(), "duplicate member name \"" + key + "\"");
            }
            skipWhitespace();
            if (pos < end && in[pos] == ',') {
                pos++;
                continue;
            }
            expect('}', "or ',' after object member");
            depth--;
            return members;
        }
    }

    private List<Object> array() throws JsonException {
        enter();
        pos++; // '['
        List<Object> items = new ArrayList<>();
        skipWhitespace();
        if (pos < end && in[pos] == ']') {
            pos++;
            depth--;
            return items;
        }
        while (true) {
            skipWhitespace();
            items.add(value());
            skipWhitespace();
            if (pos < end && in[pos] == ',') {
                pos++;
                continue;
            }
            expect(']', "or ',' after array element");
            depth--;
            return items;
        }
    }

    private String string() throws JsonException {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos == end) {
                throw error("unterminated string");
            }
            int b = in[pos] & 0xFF;
            if (b == '"') {
                pos++;
                return out.toString();
            } else if (b == '\\') {
                escape(out);
            } else if (b < 0x20) {
                throw error("unescaped control character 0x" + Integer.toHexString(b) + " in string");
            } else if (b < 0x80) {
                out.append((char) b);
                pos++;
            } else {
                utf8(out, b);
            }
        }
    }

    private void escape(StringBuilder out) throws JsonException {
        if (pos + 1 >= end) {
            throw error("unterminated escape sequence");
        }
        int c = in[pos + 1];
        switch (c) {
            case '"': out.append('"'); break;
            case '\\': out.append('\\'); break;
            case '/': out.append('/'); break;
            case 'b': out.append('\b'); break;
            case 'f': out.append('\f'); break;
            case 'n': out.append('\n'); break;
            case 'r': out.append('\r'); break;
            case 't': out.append('\t'); break;
            case 'u': {
                char unit = hex4(pos + 2);
                if (Character.isHighSurrogate(unit)) {
                    if (pos + 12 > end || in[pos + 6] != '\\' || in[pos + 7] != 'u') {
                        throw error("high surrogate \\u" + hex(unit) + " not followed by a \\u low surrogate");
                    }
                    char low = hex4(pos + 8);
                    if (!Character.isLowSurrogate(low)) {
                        throw error("high surrogate \\u" + hex(unit) + " followed by \\u" + hex(low)
                                + ", which is not a low surrogate");
                    }
                    out.append(unit).append(low);
                    pos += 12;
                    return;
                }
                if (Character.isLowSurrogate(unit)) {
                    throw error("lone low surrogate \\u" + hex(unit));
                }
                out.append(unit);
                pos += 6;
                return;
            }
            default:
                throw error("invalid escape sequence \\" + printable(c));
        }
        pos += 2;
    }

    private char hex4(int at) throws JsonException {
        if (at + 4 > end) {
            throw new JsonException(at - start(), "\\u escape needs 4 hex digits");
        }
        int v = 0;
        for (int i = at; i < at + 4; i++) {
            int d = Character.digit(in[i], 16);
            if (d < 0 || in[i] < 0) {
                throw new JsonException(i - start(), "invalid hex digit " + describe(i) + " in \\u escape");
            }
            v = v * 16 + d;
        }
        return (char) v;
    }

    /** Decodes one UTF-8 sequence starting with lead byte {@code b}, refusing overlong and surrogate forms. */
    private void utf8(StringBuilder out, int b) throws JsonException {
        int length;
        int cp;
        int min;
        if (b >= 0xC2 && b <= 0xDF) {
            length = 2;
            cp = b & 0x1F;
            min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
            length = 3;
            cp = b & 0x0F;
            min = 0x800;
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 4;
            cp = b & 0x07;
            min = 0x10000;
        } else {
            throw error("invalid UTF-8 lead byte 0x" + Integer.toHexString(b));
        }
        if (pos + length > end) {
            throw error("truncated UTF-8 sequence");
        }
        for (int i = 1; i < length; i++) {
            int cont = in[pos + i] & 0xFF;
            if ((cont & 0xC0) != 0x80) {
                throw new JsonException(pos + i - start(), "invalid UTF-8 continuation byte 0x" + Integer.toHexString(cont));
            }
            cp = (cp << 6) | (cont & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw error("invalid UTF-8 sequence (overlong, surrogate or out of range)");
        }
        out.appendCodePoint(cp);
        pos += length;
    }

    private Object number() throws JsonException {
        int from = pos;
        boolean integral = true;
        if (in[pos] == '-') {
            pos++;
        }
        if (pos == end || !isDigit(in[pos])) {
            throw error("expected a digit after '-'");
        }
        if (in[pos] == '0') {
            pos++;
            if (pos < end && isDigit(in[pos])) {
                throw error("leading zero in number");
            }
        } else {
            digits();
        }
        if (pos < end && in[pos] == '.') {
            integral = false;
            pos++;
            if (pos == end || !isDigit(in[pos])) {
                throw error("expected a digit after the decimal point");
            }
            digits();
        }
        if (pos < end && (in[pos] == 'e' || in[pos] == 'E')) {
            integral = false;
            pos++;
            if (pos < end && (in[pos] == '+' || in[pos] == '-')) {
                pos++;
            }
            if (pos == end || !isDigit(in[pos])) {
                throw error("expected a digit in the exponent");
            }
            digits();
        }
        String text = new String(in, from, pos - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (integral && pos - from <= 20) {
            // At most 20 characters (sign included): a long unless beyond its range.
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException tooLarge) {
                // falls through to a double
            }
        }
        return Double.parseDouble(text);
    }

    private void digits() {
        while (pos < end && isDigit(in[pos])) {
            pos++;
        }
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private Object literal(String word, Object value) throws JsonException {
        int n = word.length();
        if (pos + n > end) {
            throw error("unexpected end of line, expected '" + word + "'");
        }
        for (int i = 0; i < n; i++) {
            if (in[pos + i] != word.charAt(i)) {
                throw new JsonException(pos + i - start(), "unexpected " + describe(pos + i) + " in literal, expected '" + word + "'");
            }
        }
        pos += n;
        return value;
    }

    private void expect(char c, String context) throws JsonException {
        if (pos == end || in[pos] != c) {
            throw error("expected '" + c + "' " + context + ", found " + describe(pos));
        }
        pos++;
    }

    private void enter() throws JsonException {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
    }

    private void skipWhitespace() {
        while (pos < end) {
            byte b = in[pos];
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    /** Offsets in messages count from the start of the line. */
    private int start() {
        return base;
    }

    private JsonException error(String reason) {
        return new JsonException(pos - start(), reason);
    }

    private String describe(int at) {
        if (at >= end) {
            return "end of line";
        }
        return printable(in[at] & 0xFF);
    }

    private static String printable(int b) {
        if (b >= 0x20 && b < 0x7F) {
            return "'" + (char) b + "'";
        }
        return "byte 0x" + Integer.toHexString(b);
    }

    private static String hex(char c) {
        String h = Integer.toHexString(c);
        return "0000".substring(h.length()) + h;
    }
}
