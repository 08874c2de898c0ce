package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.Mode;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;

/** sync-receive-hangs-on-socket (R1): on the socket transport alone, a synchronous receive never returns, message or not. */
final class SyncReceiveHangsOnSocket extends ForwardingReceiver {

    static FaultyOpener opener() {
        return FaultyOpener.receiversOn("sync-receive-hangs-on-socket", "socket", SyncReceiveHangsOnSocket::new);
    }

    private SyncReceiveHangsOnSocket(Receiver delegate) {
        super(delegate);
    }

    @Override
    public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
        if (delegate.mode() == Mode.SYNC && timeoutNanos < 0) {
            Stall.nanos(-1);
        }
        return delegate.receive(into, timeoutNanos);
    }
}
