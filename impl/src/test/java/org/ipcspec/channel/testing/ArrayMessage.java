package org.ipcspec.channel.testing;

import java.nio.ByteBuffer;

import org.ipcspec.channel.MessageBytes;

/** {@link MessageBytes} over a heap buffer's position to limit, for tests of sinks. */
public final class ArrayMessage implements MessageBytes {

    private final ByteBuffer bytes;

    public ArrayMessage(ByteBuffer message) {
        this.bytes = message.slice(); // big-endian, whatever the message's order
    }

    @Override
    public int length() {
        return bytes.limit();
    }

    @Override
    public byte getByte(int offset) {
        return bytes.get(offset);
    }

    @Override
    public int getInt(int offset) {
        return bytes.getInt(offset);
    }

    @Override
    public long getLong(int offset) {
        return bytes.getLong(offset);
    }
}
