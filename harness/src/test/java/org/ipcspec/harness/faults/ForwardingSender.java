package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.Mode;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;

/** A sender that forwards everything to the real one; a fault overrides the one thing it gets wrong. */
abstract class ForwardingSender implements Sender {

    protected final Sender delegate;

    ForwardingSender(Sender delegate) {
        this.delegate = delegate;
    }

    @Override
    public SendStatus send(ByteBuffer message, long timeoutNanos) {
        return delegate.send(message, timeoutNanos);
    }

    @Override
    public Mode mode() {
        return delegate.mode();
    }

    @Override
    public int maxMessageBytes() {
        return delegate.maxMessageBytes();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
