package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;

/**
 * torn-record (O2, K1): the receiver hands out every generated payload with its second half
 * zeroed, as if it had read a record its sender had only half written.
 */
final class TornRecord extends ForwardingReceiver {

    static FaultyOpener opener() {
        return FaultyOpener.receivers("torn-record", TornRecord::new);
    }

    private TornRecord(Receiver delegate) {
        super(delegate);
    }

    @Override
    public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
        ReceiveStatus status = delegate.receive(into, timeoutNanos);
        if (status == ReceiveStatus.MESSAGE && generated(into) && into.remaining() > Corrupt.FILLER) {
            int from = into.position() + Math.max(Corrupt.FILLER, into.remaining() / 2);
            for (int i = from; i < into.limit(); i++) {
                into.put(i, (byte) 0);
            }
        }
        return status;
    }
}
