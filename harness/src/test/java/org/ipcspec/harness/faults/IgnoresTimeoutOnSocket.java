package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.Mode;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;

/** ignores-timeout-on-socket (T1): on the socket transport alone, a synchronous receive with timeout_ms waits for ever. */
final class IgnoresTimeoutOnSocket extends ForwardingReceiver {

    static FaultyOpener opener() {
        return FaultyOpener.receiversOn("ignores-timeout-on-socket", "socket", IgnoresTimeoutOnSocket::new);
    }

    private IgnoresTimeoutOnSocket(Receiver delegate) {
        super(delegate);
    }

    @Override
    public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
        return delegate.receive(into, delegate.mode() == Mode.SYNC ? Receiver.FOREVER : timeoutNanos);
    }
}
