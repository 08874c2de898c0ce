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
}
