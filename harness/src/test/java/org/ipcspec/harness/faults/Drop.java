package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/** drop (O2): the sender silently skips every second message and reports it sent {@code ok}. */
final class Drop extends ForwardingSender {

    static final int EVERY = 2;

    private long sends;

    static FaultyOpener opener() {
        return FaultyOpener.senders("drop", Drop::new);
    }

    private Drop(Sender delegate) {
        super(delegate);
    }

    @Override
    public SendStatus send(ByteBuffer message, long timeoutNanos) {
        if (++sends % EVERY == 0) {
            return SendStatus.OK;
        }
        return delegate.send(message, timeoutNanos);
    }
}
