package org.ipcspec.channel;

/**
 * Something went wrong that a caller could not expect: an I/O failure, a corrupt channel file,
 * a version mismatch. Expected outcomes (full, timeout, closed, ...) are statuses, not exceptions.
 */
public class ChannelException extends RuntimeException {
    public ChannelException(String message) {
        super(message);
    }

    public ChannelException(String message, Throwable cause) {
        super(message, cause);
    }
}
