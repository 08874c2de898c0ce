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
}
