package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.Mode;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/** async-send-hangs-on-socket (S2): on the socket transport alone, an asynchronous send never returns. */
final class AsyncSendHangsOnSocket extends ForwardingSender {

    static FaultyOpener opener() {
        return FaultyOpener.sendersOn("async-send-hangs-on-socket", "socket", AsyncSendHangsOnSocket::new);
    }

    private AsyncSendHangsOnSocket(Sender delegate) {
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
