package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.Mode;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/** async-send-blocks (S2): an asynchronous send that waits a second before it sends. */
final class AsyncSendBlocks extends ForwardingSender {

    static FaultyOpener opener() {
        return FaultyOpener.senders("async-send-blocks", AsyncSendBlocks::new);
    }

    private AsyncSendBlocks(Sender delegate) {
        super(delegate);
    }

    @Override
    public SendStatus send(ByteBuffer message, long timeoutNanos) {
        if (delegate.mode() == Mode.ASYNC) {
            Stall.nanos(Stall.SECOND);
        }
        return delegate.send(message, timeoutNanos);
    }
}
