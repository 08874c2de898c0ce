package org.ipcspec.channel;

import java.util.Objects;

/**
 * The result of an open: an end when {@code status} is OK, otherwise the reason and a message.
 */
public record Opened<T extends AutoCloseable>(OpenStatus status, T end, String message) {

    public Opened {
        Objects.requireNonNull(status, "status");
        if ((status == OpenStatus.OK) != (end != null)) {
            throw new IllegalArgumentException("an end is given exactly when status is OK: status=" + status);
        }
    }

    public static <T extends AutoCloseable> Opened<T> ok(T end) {
        return new Opened<>(OpenStatus.OK, end, null);
    }

    public static <T extends AutoCloseable> Opened<T> refused(OpenStatus status, String message) {
        return new Opened<>(status, null, message);
    }

    public boolean isOk() {
        return status == OpenStatus.OK;
    }
}
