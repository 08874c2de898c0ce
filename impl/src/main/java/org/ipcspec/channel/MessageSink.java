package org.ipcspec.channel;

import java.nio.ByteBuffer;

/** Takes the messages a receiver collects in one run ({@link Receiver#receiveReady}). */
@FunctionalInterface
public interface MessageSink {

    /**
     * One collected message: position to limit of {@code message}, valid during the call only.
     * The buffer is either the receive buffer given to the run (a heap buffer) or a read-only
     * view of the channel's own memory, which a large shm message is read from in place; the sink
     * may move its position and limit.
     */
    void accept(ByteBuffer message);

    /**
     * One collected message read in place through a view of the channel's memory, as the shm
     * transport hands over its small messages. By default copied into a new heap buffer for
     * {@link #accept(ByteBuffer)}, for sinks that only look at a few messages (tests, tools); a
     * sink on a hot path reads the view itself: the copy is what reading in place saves.
     */
    default void accept(MessageBytes message) {
        byte[] copy = new byte[message.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = message.getByte(i);
        }
        accept(ByteBuffer.wrap(copy));
    }
}
