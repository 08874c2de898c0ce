package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/**
 * stalls-periodically (LATENCY): a sender that stalls for 20 ms before every 2,000th message. In
 * a paced run at 10,000 messages a second that is a stall every 200 ms, and the 200 messages
 * due during it go out late, each carrying the wait in its latency (sent_t is the due time):
 * about one message in ten, so the p99 is near 20 ms. Its throughput is barely touched, and a
 * saturating run hides the stalls in its queue: only a paced latency run catches it.
 */
final class StallsPeriodically extends ForwardingSender {

    static final long STALL_NANOS = 20_000_000L;
    static final long EVERY = 2_000;

    private long sends;

    static FaultyOpener opener() {
        return FaultyOpener.senders("stalls-periodically", StallsPeriodically::new);
    }

    private StallsPeriodically(Sender delegate) {
        super(delegate);
    }

    @Override
    public SendStatus send(ByteBuffer message, long timeoutNanos) {
        if (++sends % EVERY == 0) {
            Stall.nanos(STALL_NANOS);
        }
        return delegate.send(message, timeoutNanos);
    }
}
