package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.Mode;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;

/** sync-receive-returns-empty (R1): a synchronous receive that does not wait: with nothing there it returns empty at once. */
final class SyncReceiveReturnsEmpty extends ForwardingReceiver {

    static FaultyOpener opener() {
        return FaultyOpener.receivers("sync-receive-returns-empty", SyncReceiveReturnsEmpty::new);
    }

    private SyncReceiveReturnsEmpty(Receiver delegate) {
        super(delegate);
    }

    @Override
    public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
        if (delegate.mode() != Mode.SYNC) {
            return delegate.receive(into, timeoutNanos);
        }
        ReceiveStatus status = delegate.receive(into, 0);
        return status == ReceiveStatus.TIMEOUT ? ReceiveStatus.EMPTY : status;
    }
}
