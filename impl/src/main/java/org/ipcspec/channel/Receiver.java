package org.ipcspec.channel;

import java.nio.ByteBuffer;

import org.ipcspec.channel.support.Deadline;

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

    /**
     * As {@link #receive(ByteBuffer, long)}, waiting at most until {@code deadline}. An end may
     * read the clock only once it has to wait: the receives of a batch mostly find a message at
     * once, and working out each one's timeout was one of the shm receiver's two clock reads per
     * message at 64 B (the clock was its largest cost in a perf profile, above the ring's).
     */
    default ReceiveStatus receiveBefore(ByteBuffer into, Deadline deadline) {
        return receive(into, deadline.remainingNanos());
    }

    /**
     * Collects, without waiting, up to {@code max} messages that are already there to collect
     * (a published shm record, a whole frame read from a socket) and hands each to {@code sink}
     * before the next: copied into {@code into} (a heap buffer of at least
     * {@link #maxMessageBytes()}), or, when the end can, read in place, through a read-only view of
     * its own memory or as {@link MessageBytes}.
     * Each counts as collected as by {@link #receive}. A {@code receive_many} collects in such
     * runs, the calls and checks of a receive paid once a run, and the run shares one clock
     * reading (docs/protocol.md#clock-readings).
     *
     * @return how many messages were handed over: 0 when none was there, when the next must be
     *         reported by {@link #receive} (a corrupt record, a closed end), or, by default, when
     *         this end collects one message a receive
     */
    default int receiveReady(ByteBuffer into, MessageSink sink, int max) {
        return 0;
    }

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
