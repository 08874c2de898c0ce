package org.ipcspec.endpoint;

/**
 * A request refused at protocol level: the reply is {@code ok:false} with {@link #error()}
 * {@code invalid} (malformed, missing or ill-typed field, unknown channel handle) or
 * {@code unsupported} (unknown op, transport or mode). docs/protocol.md#errors.
 */
final class RequestException extends Exception {

    static final String INVALID = "invalid";
    static final String UNSUPPORTED = "unsupported";

    private final String error;

    private RequestException(String error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    static RequestException invalid(String message) {
        return new RequestException(INVALID, message);
    }

    static RequestException unsupported(String message) {
        return new RequestException(UNSUPPORTED, message);
    }

    String error() {
        return error;
    }
}
