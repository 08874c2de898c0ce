package org.ipcspec.endpoint;

/** A line that is not one well-formed JSON value: the byte offset where reading stopped, and why. */
final class JsonException extends Exception {

    private final int offset;

    JsonException(int offset, String reason) {
        super("at offset " + offset + ": " + reason, null, false, false);
        this.offset = offset;
    }

    /** Zero-based byte offset into the line. */
    int offset() {
        return offset;
    }
}
