package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;

/**
 * reorders-under-load (O1): correct for the first thousand messages a receiver collects; after
 * that, whenever a message is collected while the next one is already waiting (a busy channel),
 * one time in 500 it hands out the later one first. Single-message scenarios never see it.
 */
final class ReordersUnderLoad extends ForwardingReceiver {

    static final int CORRECT_FOR = 1000;
    static final int EVERY = 500;

    private long collected;
    private ByteBuffer held;

    static FaultyOpener opener() {
        return FaultyOpener.receivers("reorders-under-load", ReordersUnderLoad::new);
    }

    private ReordersUnderLoad(Receiver delegate) {
        super(delegate);
    }

    @Override
    public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
        if (held != null) {
            Reorder.copy(held, into);
            held = null;
            return ReceiveStatus.MESSAGE;
        }
        ReceiveStatus status = delegate.receive(into, timeoutNanos);
        if (status != ReceiveStatus.MESSAGE || ++collected <= CORRECT_FOR || collected % EVERY != 0) {
            return status;
        }
        ByteBuffer next = ByteBuffer.allocate(into.capacity());
        if (delegate.receive(next, 0) != ReceiveStatus.MESSAGE) {
            return status;
        }
        held = ByteBuffer.allocate(into.capacity());
        Reorder.copy(into, held);
        Reorder.copy(next, into);
        return ReceiveStatus.MESSAGE;
    }
}
