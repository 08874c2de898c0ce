package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.Mode;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/** async-send-hangs (S2): an asynchronous send that never returns, rather than returning late. */
final class AsyncSendHangs extends ForwardingSender {

    static FaultyOpener opener() {
        return FaultyOpener.senders("async-send-hangs", AsyncSendHangs::new);
    }

    /** async-send-hangs-on-socket (S2): the same, on the socket transport alone. */
    static FaultyOpener onSocket() {
        return FaultyOpener.sendersOn("async-send-hangs-on-socket", "socket", AsyncSendHangs::new);
    }

    private AsyncSendHangs(Sender delegate) {
        super(delegate);
    }

    @Override
    public SendStatus send(ByteBuffer message, long timeoutNanos) {
        if (delegate.mode() == Mode.ASYNC) {
            Stall.nanos(-1);
        }
        return delegate.send(message, timeoutNanos);
    }
}
