package org.ipcspec.channel.shm;

import org.ipcspec.channel.WritableMessageBytes;

/**
 * A message record's payload in place in the mapping, for a small message that would otherwise
 * be copied out of the ring first (the reader, which hands it on as read-only MessageBytes) or
 * written elsewhere and copied in (the writer). One per reader or writer, moved from record to
 * record ({@link #moveTo}); the range is checked against the mapping once there, each access
 * against the payload's length.
 */
final class MappedMessage implements WritableMessageBytes {

    private final SharedBuffer buffer;
    private long address;
    private int length;

    MappedMessage(SharedBuffer buffer) {
        this.buffer = buffer;
    }

    /** The payload of {@code length} bytes at buffer index {@code index}. */
    MappedMessage moveTo(int index, int length) {
        this.address = buffer.addressOf(index, length);
        this.length = length;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public byte getByte(int offset) {
        return SharedBuffer.getByteAt(address + check(offset, 1));
    }

    @Override
    public int getInt(int offset) {
        return SharedBuffer.getIntBigEndianAt(address + check(offset, 4));
    }

    @Override
    public long getLong(int offset) {
        return SharedBuffer.getLongBigEndianAt(address + check(offset, 8));
    }

    @Override
    public void putByte(int offset, byte value) {
        SharedBuffer.putByteAt(address + check(offset, 1), value);
    }

    @Override
    public void putInt(int offset, int value) {
        SharedBuffer.putIntBigEndianAt(address + check(offset, 4), value);
    }

    @Override
    public void putLong(int offset, long value) {
        SharedBuffer.putLongBigEndianAt(address + check(offset, 8), value);
    }

    private int check(int offset, int size) {
        if (offset < 0 || offset > length - size) {
            throw new IndexOutOfBoundsException("message range: offset=" + offset + " size=" + size + " length=" + length);
        }
        return offset;
    }
}
