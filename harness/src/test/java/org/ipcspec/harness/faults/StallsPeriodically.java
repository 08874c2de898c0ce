package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/**
 * stalls-periodically (LATENCY): a sender that stalls for 20 ms before every 2,000th message, the
 * fault the profile's bounds are set to catch. At the offered 5,000 messages a second that is a
 * stall every 400 ms, 5% of the time: the hundred messages due during a stall go out late, each
 * carrying what was left of it in its latency (sent_t is the due time), so about 2.5% of all
 * messages are over 10 ms late and the p99 is about 16 ms, against the shm and socket bound of
 * 10 ms (the reference's worst p99 with both cores busy was about 5 ms). Its median is untouched: a
 * saturating run, or a median, would never see it.
 *
 * <p>stalls-periodically-long: the same fault on file's scale. At file's offered 100 messages a
 * second 2,000 messages are twenty seconds, longer than the run, so it stalls 100 ms before every
 * 50th message: a fifth of the time, the p99 near 100 ms against file's bound of 60 ms.
 */
final class StallsPeriodically extends ForwardingSender {

    private final long stallNanos;
    private final long every;
    private long sends;

    static FaultyOpener opener() {
        return FaultyOpener.senders("stalls-periodically", sender -> new StallsPeriodically(sender, 20_000_000L, 2_000));
    }

    static FaultyOpener longly() {
        return FaultyOpener.senders("stalls-periodically-long", sender -> new StallsPeriodically(sender, 100_000_000L, 50));
    }

    private StallsPeriodically(Sender delegate, long stallNanos, long every) {
        super(delegate);
        this.stallNanos = stallNanos;
        this.every = every;
    }

    @Override
    public SendStatus send(ByteBuffer message, long timeoutNanos) {
        if (++sends % every == 0) {
            Stall.nanos(stallNanos);
        }
        return delegate.send(message, timeoutNanos);
    }
}
