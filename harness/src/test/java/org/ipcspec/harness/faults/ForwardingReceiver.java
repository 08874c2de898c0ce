package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.Mode;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;

/** A receiver that forwards everything to the real one; a fault overrides the one thing it gets wrong. */
abstract class ForwardingReceiver implements Receiver {

    protected final Receiver delegate;

    ForwardingReceiver(Receiver delegate) {
        this.delegate = delegate;
    }

    @Override
    public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
        return delegate.receive(into, timeoutNanos);
    }

    @Override
    public Mode mode() {
        return delegate.mode();
    }

    @Override
    public int capacity() {
        return delegate.capacity();
    }

    @Override
    public int maxMessageBytes() {
        return delegate.maxMessageBytes();
    }

    @Override
    public String contentType() {
        return delegate.contentType();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** Whether the message position..limit is a generated payload (docs/protocol.md#generated-payloads: "IPC1" first). */
    static boolean generated(ByteBuffer message) {
        int p = message.position();
        return message.remaining() >= 4 && message.get(p) == 'I' && message.get(p + 1) == 'P'
                && message.get(p + 2) == 'C' && message.get(p + 3) == '1';
    }
}
