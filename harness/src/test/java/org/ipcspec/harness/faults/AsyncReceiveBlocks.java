package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.Mode;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;

/** async-receive-blocks (R2): an asynchronous receive that finds nothing waits a second and looks again. */
final class AsyncReceiveBlocks extends ForwardingReceiver {

    static FaultyOpener opener() {
        return FaultyOpener.receivers("async-receive-blocks", AsyncReceiveBlocks::new);
    }

    private AsyncReceiveBlocks(Receiver delegate) {
        super(delegate);
    }

    @Override
    public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
        ReceiveStatus status = delegate.receive(into, timeoutNanos);
        if (status != ReceiveStatus.EMPTY || delegate.mode() != Mode.ASYNC) {
            return status;
        }
        Stall.nanos(Stall.SECOND);
        return delegate.receive(into, timeoutNanos);
    }
}
