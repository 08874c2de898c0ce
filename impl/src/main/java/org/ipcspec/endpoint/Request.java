package org.ipcspec.endpoint;

import java.util.Map;

/**
 * One request line, parsed: its {@code id} and {@code op}, and typed access to its fields that
 * refuses a missing or ill-typed field as {@code invalid}, naming the field. A member whose value
 * is {@code null} counts as absent.
 */
final class Request {

    /** docs/protocol.md#send: {@code seq} stays below 2^53 (exact in a double). */
    static final long MAX_SEQ_EXCLUSIVE = 1L << 53;
    static final long MAX_U32 = 0xFFFF_FFFFL;

    private final long id;
    private final String op;
    private final Map<String, Object> fields;

    private Request(long id, String op, Map<String, Object> fields) {
        this.id = id;
        this.op = op;
        this.fields = fields;
    }

    /**
     * The request in a line, or why it is refused. {@code idOut[0]} receives the id as soon as
     * it is known, so that a refusal after that point can still name it.
     */
    static Request parse(byte[] line, Long[] idOut) throws RequestException {
        Object value;
        try {
            value = Json.parse(line, 0, line.length);
        } catch (JsonException e) {
            throw RequestException.invalid("not JSON: " + e.getMessage());
        }
        if (!(value instanceof Map)) {
            throw RequestException.invalid("a request must be a JSON object, not " + typeName(value));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) value;
        Object id = present(fields.get("id"));
        if (id == null) {
            throw RequestException.invalid("missing field id (an integer)");
        }
        Long integer = integral(id);
        if (integer == null) {
            throw RequestException.invalid("field id must be an integer, not " + describe(id));
        }
        idOut[0] = integer;
        Request request = new Request(integer, null, fields);
        String op = request.requiredString("op");
        return new Request(integer, op, fields);
    }

    long id() {
        return id;
    }

    String op() {
        return op;
    }

    boolean has(String name) {
        return present(fields.get(name)) != null;
    }

    String requiredString(String name) throws RequestException {
        Object value = present(fields.get(name));
        if (value == null) {
            throw RequestException.invalid("missing field " + name + " (a string)");
        }
        if (!(value instanceof String)) {
            throw RequestException.invalid("field " + name + " must be a string, not " + describe(value));
        }
        return (String) value;
    }

    String optionalString(String name, String absent) throws RequestException {
        return has(name) ? requiredString(name) : absent;
    }

    /** An integer in {@code [min, max]}; JSON has one number type, so {@code 64.0} is 64. */
    long requiredLong(String name, long min, long max) throws RequestException {
        Object value = present(fields.get(name));
        if (value == null) {
            throw RequestException.invalid("missing field " + name + " (an integer)");
        }
        Long integer = integral(value);
        if (integer == null) {
            throw RequestException.invalid("field " + name + " must be an integer, not " + describe(value));
        }
        if (integer < min || integer > max) {
            throw RequestException.invalid("field " + name + " must be in [" + min + ", " + max + "], not " + integer);
        }
        return integer;
    }

    long optionalLong(String name, long min, long max, long absent) throws RequestException {
        return has(name) ? requiredLong(name, min, max) : absent;
    }

    private static Object present(Object value) {
        return value == Json.NULL ? null : value;
    }

    /** The value as a long if it is an integral number within long range, else null. */
    private static Long integral(Object value) {
        if (value instanceof Long) {
            return (Long) value;
        }
        if (value instanceof Double) {
            double d = (Double) value;
            if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
                return (long) d;
            }
        }
        return null;
    }

    private static String describe(Object value) {
        if (value instanceof String) {
            String s = (String) value;
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (value instanceof Double) {
            return "the number " + value;
        }
        return typeName(value);
    }

    private static String typeName(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof java.util.List) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean (" + value + ")";
        }
        if (value == Json.NULL) {
            return "null";
        }
        return "a number (" + value + ")";
    }
}
