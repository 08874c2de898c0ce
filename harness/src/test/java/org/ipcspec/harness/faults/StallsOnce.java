package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;

/**
 * stalls-once (LATENCY): a receiver that stalls for 1.5 s at its first receive. In a throughput
 * run the sender has filled the channel meanwhile, so the first `capacity` messages (4096 of
 * 200,000, 2%) wait over a second: the p99 latency breaks its bound while the rate stays above
 * its floor. Only the latency checker can catch it.
 */
final class StallsOnce extends ForwardingReceiver {

    static final long STALL_NANOS = 1_500_000_000L;

    private boolean stalled;

    static FaultyOpener opener() {
        return FaultyOpener.receivers("stalls-once", StallsOnce::new);
    }

    private StallsOnce(Receiver delegate) {
        super(delegate);
    }

    @Override
    public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
        if (!stalled) {
            stalled = true;
            Stall.nanos(STALL_NANOS);
        }
        return delegate.receive(into, timeoutNanos);
    }
}
