package org.ipcspec.channel;

import java.nio.ByteBuffer;

/** The receiving end of a channel; it owns the channel. Not thread-safe: one thread receives. */
public interface Receiver extends AutoCloseable {

    /** Wait without limit; for a synchronous receive. */
    long FOREVER = -1;

    /**
     * Collects the next message into {@code into}: the buffer is cleared, filled, and flipped so
     * that position..limit is the message. Its capacity must be at least {@link #maxMessageBytes()}.
     * A collected message is gone from the channel and counts as collected for its sender.
     *
     * @param timeoutNanos a synchronous receive's limit, {@link #FOREVER} for none; ignored
     *                     by an asynchronous receive, which never waits
     * @throws ChannelException on an I/O failure or a corrupt channel
     */
    ReceiveStatus receive(ByteBuffer into, long timeoutNanos);

    Mode mode();

    int capacity();

    int maxMessageBytes();

    String contentType();

    /**
     * Releases the channel: senders' sends end {@code CLOSED}. On the file transport nothing is
     * discarded; a receiver opened later collects what is left. Idempotent.
     */
    @Override
    void close();
}
