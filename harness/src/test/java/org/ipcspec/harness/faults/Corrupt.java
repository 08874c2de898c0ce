package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;

/** corrupt (O2): the receiver flips the bits of the first filler byte of every generated payload it collects. */
final class Corrupt extends ForwardingReceiver {

    /** docs/protocol.md#generated-payloads: the filler starts after the 24-byte header. */
    static final int FILLER = 24;

    static FaultyOpener opener() {
        return FaultyOpener.receivers("corrupt", Corrupt::new);
    }

    private Corrupt(Receiver delegate) {
        super(delegate);
    }

    @Override
    public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
        ReceiveStatus status = delegate.receive(into, timeoutNanos);
        if (status == ReceiveStatus.MESSAGE && generated(into) && into.remaining() > FILLER) {
            int at = into.position() + FILLER;
            into.put(at, (byte) ~into.get(at));
        }
        return status;
    }
}
