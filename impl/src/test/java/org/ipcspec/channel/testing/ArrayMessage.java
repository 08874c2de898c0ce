package org.ipcspec.channel.testing;

import java.nio.ByteBuffer;

import org.ipcspec.channel.WritableMessageBytes;

/**
 * {@link org.ipcspec.channel.MessageBytes} over a heap buffer's position to limit, for tests of
 * sinks, and writable through to that buffer, for tests of sources.
 */
public final class ArrayMessage implements WritableMessageBytes {

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

    @Override
    public void putByte(int offset, byte value) {
        bytes.put(offset, value);
    }

    @Override
    public void putInt(int offset, int value) {
        bytes.putInt(offset, value);
    }

    @Override
    public void putLong(int offset, long value) {
        bytes.putLong(offset, value);
    }
}
