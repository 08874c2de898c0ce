package org.ipcspec.channel;

import java.nio.ByteBuffer;

/** Writes the messages of a run where the sender puts them ({@link Sender#sendRun}). */
@FunctionalInterface
public interface MessageSource {

    /**
     * Writes message {@code index} of the run, all of its bytes, into {@code target} from index
     * {@code at}, with absolute puts: into a heap buffer, or, for a large message, straight into
     * the channel's own memory (one pass over its bytes, not a write and then a copy). The
     * target's position and limit mean nothing here.
     */
    void write(int index, ByteBuffer target, int at);

    /**
     * Writes message {@code index} of the run, all {@code target.length()} bytes of it, straight
     * into the channel's memory through checked puts: how the shm ring takes a small message, whose
     * few fields cost less this way than through a ByteBuffer view's puts, each checked against the
     * buffer's bounds and memory session. This default writes into a heap buffer and copies it in
     * (a source that writes field by field overrides it).
     */
    default void write(int index, WritableMessageBytes target) {
        byte[] bytes = new byte[target.length()];
        write(index, ByteBuffer.wrap(bytes), 0);
        for (int i = 0; i < bytes.length; i++) {
            target.putByte(i, bytes[i]);
        }
    }
}
