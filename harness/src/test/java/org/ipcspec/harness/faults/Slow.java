package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/**
 * slow (THROUGHPUT): every send first spins for 100 us, so a sender manages at most about 10,000
 * messages a second, under the reference profile's floor for shm at 64 bytes (229,000). A batch's
 * sendMore comes here too (the interface's default sends it as send). Correct in every
 * other way: only the throughput checker can catch it.
 */
final class Slow extends ForwardingSender {

    static final long DELAY_NANOS = 100_000;

    static FaultyOpener opener() {
        return FaultyOpener.senders("slow", Slow::new);
    }

    private Slow(Sender delegate) {
        super(delegate);
    }

    @Override
    public SendStatus send(ByteBuffer message, long timeoutNanos) {
        // A spin, not a park: parking rounds up to the timer slack, and the figure should be steady.
        long until = System.nanoTime() + DELAY_NANOS;
        while (System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
        return delegate.send(message, timeoutNanos);
    }
}
