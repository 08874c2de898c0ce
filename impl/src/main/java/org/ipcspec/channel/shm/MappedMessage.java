package org.ipcspec.channel.shm;

import org.ipcspec.channel.MessageBytes;

/**
 * A message record's payload read in place in the mapping, for a small message that would
 * otherwise be copied out of the ring first. One per reader, moved from record to record
 * ({@link #moveTo}); the range is checked against the mapping once there, each read against the
 * payload's length.
 */
final class MappedMessage implements MessageBytes {

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

    private int check(int offset, int size) {
        if (offset < 0 || offset > length - size) {
            throw new IndexOutOfBoundsException("message range: offset=" + offset + " size=" + size + " length=" + length);
        }
        return offset;
    }
}
