package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.Mode;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;

/** ignores-timeout (T1): a synchronous receive with timeout_ms waits for a message as long as it takes. */
final class IgnoresTimeout extends ForwardingReceiver {

    static FaultyOpener opener() {
        return FaultyOpener.receivers("ignores-timeout", IgnoresTimeout::new);
    }

    /** ignores-timeout-on-socket (T1): the same, on the socket transport alone. */
    static FaultyOpener onSocket() {
        return FaultyOpener.receiversOn("ignores-timeout-on-socket", "socket", IgnoresTimeout::new);
    }

    private IgnoresTimeout(Receiver delegate) {
        super(delegate);
    }

    @Override
    public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
        return delegate.receive(into, delegate.mode() == Mode.SYNC ? Receiver.FOREVER : timeoutNanos);
    }
}
