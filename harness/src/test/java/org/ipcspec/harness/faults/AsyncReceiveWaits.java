package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.Mode;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;

/** async-receive-waits (R2): an asynchronous receive that waits for a message instead of returning empty. */
final class AsyncReceiveWaits extends ForwardingReceiver {

    static FaultyOpener opener() {
        return FaultyOpener.receivers("async-receive-waits", AsyncReceiveWaits::new);
    }

    /** async-receive-waits-on-file (R2): the same, on the file transport alone. */
    static FaultyOpener onFile() {
        return FaultyOpener.receiversOn("async-receive-waits-on-file", "file", AsyncReceiveWaits::new);
    }

    private AsyncReceiveWaits(Receiver delegate) {
        super(delegate);
    }

    @Override
    public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
        ReceiveStatus status = delegate.receive(into, timeoutNanos);
        while (status == ReceiveStatus.EMPTY && delegate.mode() == Mode.ASYNC) {
            Stall.nanos(10_000_000L);
            status = delegate.receive(into, timeoutNanos);
        }
        return status;
    }
}
