package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/**
 * sends-in-bursts (LATENCY): a sender that lets messages through only in the first millisecond of
 * every 25 ms; a send that comes at another time waits for the next window, and everything due
 * meanwhile goes out in one burst when it opens. Every message but those due in a window waits
 * up to 24 ms, half of them over 12 ms: the median latency shows it. The rate over the run is
 * still the offered one, so no throughput figure can catch it.
 */
final class SendsInBursts extends ForwardingSender {

    static final long PERIOD_NANOS = 25_000_000L;
    static final long WINDOW_NANOS = 1_000_000L;

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
