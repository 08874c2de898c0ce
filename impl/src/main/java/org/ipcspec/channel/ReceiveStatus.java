package org.ipcspec.channel;

/** The outcome of a receive that ran. */
public enum ReceiveStatus {
    /** A message was collected into the caller's buffer. */
    MESSAGE,
    /** Async: nothing was available. */
    EMPTY,
    /** Sync: nothing arrived within the timeout. */
    TIMEOUT,
    /** The channel was closed. */
    CLOSED;

    /** Computed once: the send and receive loops ask for it at every message, which must not allocate. */
    private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

    public String wireName() {
        return wireName;
    }
}
