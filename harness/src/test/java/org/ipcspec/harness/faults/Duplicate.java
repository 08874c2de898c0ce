package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;

/**
 * duplicate (O2): the receiver hands out every thousandth message it collects twice. Rare enough
 * that a bulk run's sender is never stuck on a full channel by the messages the duplicates
 * displace (fewer than the ordering scenario's capacity of 256 stay uncollected).
 */
final class Duplicate extends ForwardingReceiver {

    static final int EVERY = 1000;

    private long collected;
    private ByteBuffer again;

    static FaultyOpener opener() {
        return FaultyOpener.receivers("duplicate", Duplicate::new);
    }

    private Duplicate(Receiver delegate) {
        super(delegate);
    }

    @Override
    public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
        if (again != null) {
            Reorder.copy(again, into);
            again = null;
            return ReceiveStatus.MESSAGE;
        }
        ReceiveStatus status = delegate.receive(into, timeoutNanos);
        if (status == ReceiveStatus.MESSAGE && ++collected % EVERY == 0) {
            again = ByteBuffer.allocate(into.capacity());
            Reorder.copy(into, again);
        }
        return status;
    }
}
