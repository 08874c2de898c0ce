package org.ipcspec.endpoint;

import java.nio.ByteBuffer;

import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.Sender;

/** One named channel end of the endpoint, with the buffer its sends or receives reuse. */
final class Handle {

    final String name;
    /** Exactly one of sender and receiver is set. */
    final Sender sender;
    final Receiver receiver;
    /** A sender's {@code sender_id}, written into generated payloads. */
    final long senderId;
    private ByteBuffer buffer;

    private Handle(String name, Sender sender, Receiver receiver, long senderId) {
        this.name = name;
        this.sender = sender;
        this.receiver = receiver;
        this.senderId = senderId;
    }

    static Handle of(String name, Sender sender, long senderId) {
        return new Handle(name, sender, null, senderId);
    }

    static Handle of(String name, Receiver receiver) {
        return new Handle(name, null, receiver, 0);
    }

    String role() {
        return sender != null ? "sender" : "receiver";
    }

    /** A buffer of at least {@code capacity} bytes, reused while it is large enough. */
    ByteBuffer buffer(int capacity) {
        if (buffer == null || buffer.capacity() < capacity) {
            buffer = ByteBuffer.allocate(capacity);
        }
        return buffer;
    }

    /** Closes the end; a failure is logged, since the end is given up either way. */
    void close() {
        try {
            if (sender != null) {
                sender.close();
            } else {
                receiver.close();
            }
        } catch (RuntimeException e) {
            Log.warn("closing channel " + name + " failed", e);
        }
    }
}
