package org.ipcspec.harness.faults;

import java.nio.ByteBuffer;

import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;

/**
 * reorder (O1): the receiver swaps each pair of consecutive messages. Having collected one, it
 * looks (without waiting) for the next; if there is one, it hands that out first and keeps the
 * first for the following call.
 */
final class Reorder extends ForwardingReceiver {

    private ByteBuffer spare;
    private ByteBuffer held;

    static FaultyOpener opener() {
        return FaultyOpener.receivers("reorder", Reorder::new);
    }

    private Reorder(Receiver delegate) {
        super(delegate);
    }

    @Override
    public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
        if (held != null) {
            copy(held, into);
            spare = held;
            held = null;
            return ReceiveStatus.MESSAGE;
        }
        ReceiveStatus first = delegate.receive(into, timeoutNanos);
        if (first != ReceiveStatus.MESSAGE) {
            return first;
        }
        ByteBuffer next = spare != null ? spare : ByteBuffer.allocate(into.capacity());
        if (delegate.receive(next, 0) != ReceiveStatus.MESSAGE) {
            spare = next;
            return first;
        }
        ByteBuffer firstCopy = ByteBuffer.allocate(into.capacity());
        copy(into, firstCopy);
        copy(next, into);
        held = firstCopy;
        spare = next;
        return ReceiveStatus.MESSAGE;
    }

    /** As a receive leaves it: {@code to} cleared, filled with {@code from}'s position..limit, flipped. */
    static void copy(ByteBuffer from, ByteBuffer to) {
        to.clear();
        to.put(from.duplicate());
        to.flip();
    }
}
