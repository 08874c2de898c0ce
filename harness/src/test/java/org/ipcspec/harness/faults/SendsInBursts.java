package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/**
 * sends-in-bursts (LATENCY): a sender that lets messages through only in the first 50 ms of every
 * 500 ms; a send that comes at another time waits for the next window, and everything due
 * meanwhile goes out in one burst when it opens. Nine messages in ten wait, half of all over
 * 200 ms: the median latency shows it, on every transport (even file's, whose p50 bound is 150 ms
 * at its 100 msg/s). A count of messages over the run looks paced; only sent_t as the due time
 * shows the wait.
 */
final class SendsInBursts extends ForwardingSender {

    static final long PERIOD_NANOS = 500_000_000L;
    static final long WINDOW_NANOS = 50_000_000L;

    static FaultyOpener opener() {
        return FaultyOpener.senders("sends-in-bursts", SendsInBursts::new);
    }

    private SendsInBursts(Sender delegate) {
        super(delegate);
    }

    @Override
    public SendStatus send(ByteBuffer message, long timeoutNanos) {
        long now = System.nanoTime();
        long phase = Math.floorMod(now, PERIOD_NANOS);
        if (phase >= WINDOW_NANOS) {
            Stall.nanos(PERIOD_NANOS - phase);
        }
        return delegate.send(message, timeoutNanos);
    }
}
