package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;

/**
 * stalls-once (LATENCY): a receiver that stalls for 1.5 s once, at its 10,000th receive: in a
 * latency scenario at 5,000 msg/s, inside the judged run (the one-second warm-up takes 5,000).
 * The 7,500 messages due meanwhile wait (the sender retries full), most of the judged run, so its
 * p50 and p99 break their bounds. A saturating throughput run would hide it in its figures.
 */
final class StallsOnce extends ForwardingReceiver {

    static final long STALL_NANOS = 1_500_000_000L;

    static final long AT_RECEIVE = 10_000;

    private long receives;

    static FaultyOpener opener() {
        return FaultyOpener.receivers("stalls-once", StallsOnce::new);
    }

    private StallsOnce(Receiver delegate) {
        super(delegate);
    }

    @Override
    public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
        if (++receives == AT_RECEIVE) {
            Stall.nanos(STALL_NANOS);
        }
        return delegate.receive(into, timeoutNanos);
    }
}
