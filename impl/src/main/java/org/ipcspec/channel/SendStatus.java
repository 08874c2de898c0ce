package org.ipcspec.channel;

/** The outcome of a send that ran. Errors the caller cannot expect are thrown as {@link ChannelException}. */
public enum SendStatus {
    /** Sync: the receiver collected the message. Async: the channel accepted it. */
    OK,
    /** Async: {@code capacity} messages of this sender are uncollected; nothing was written. */
    FULL,
    /** Sync: not collected within the timeout; the message stays in the channel. */
    TIMEOUT,
    /** The receiver is gone or closed the channel; this sender must open again. */
    CLOSED,
    /** Over the channel's {@code max_message_bytes}; nothing was written. */
    TOO_LARGE;

    /** Computed once: the send and receive loops ask for it at every message, which must not allocate. */
    private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

    public String wireName() {
        return wireName;
    }
}
