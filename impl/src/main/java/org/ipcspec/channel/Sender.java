package org.ipcspec.channel;

import java.nio.ByteBuffer;

/** The sending end of a channel. Not thread-safe: one thread sends. */
public interface Sender extends AutoCloseable {

    /** Wait without limit; for a synchronous send. */
    long FOREVER = -1;

    /**
     * Sends the remaining bytes of {@code message} (position to limit; the buffer's position is
     * left unchanged).
     *
     * @param timeoutNanos a synchronous send's limit, covering the wait for room and then for
     *                     collection; {@link #FOREVER} for none. Ignored by an asynchronous send.
     * @throws ChannelException on an I/O failure
     */
    SendStatus send(ByteBuffer message, long timeoutNanos);

    /**
     * A send inside a batch ({@code send_many}) that the caller follows at once with another
     * {@code sendMore} or with a {@link #send}, which closes the batch. An asynchronous end may
     * hold the message back in its own memory and write several in one system call: until the
     * closing {@code send} returns, a message that returned {@code OK} here can be lost if this
     * process dies (never torn). A synchronous end, and by default every end, sends it as
     * {@link #send} does.
     */
    default SendStatus sendMore(ByteBuffer message, long timeoutNanos) {
        return send(message, timeoutNanos);
    }

    /**
     * Asynchronous and inside a batch: sends {@code count} messages of {@code size} bytes each,
     * which {@code source} writes where this end wants them, as that many {@link #sendMore} calls
     * would, and with the same guarantees; the calls' checks, locks and publication are paid once
     * for the run.
     *
     * @return how many were sent, from the first: fewer than {@code count} when the next would not
     *         be {@code OK} right away (a {@link #sendMore} of it then gives its status, and waits
     *         nothing here), 0 by default (this end sends one message a call) and for a
     *         synchronous end
     */
    default int sendRun(MessageSource source, int size, int count) {
        return 0;
    }

    Mode mode();

    /** The largest message this end may send: the channel's limit, or the sender's own lower one. */
    int maxMessageBytes();

    /** Releases the end. Idempotent. */
    @Override
    void close();
}
