package org.ipcspec.channel;

/**
 * A message written where the channel keeps it, not in a buffer of the sender's that is then
 * copied: {@link #length()} bytes, all of which the writer must put, at offsets from 0 in
 * big-endian (network) order, the order of docs/protocol.md's generated payloads. Valid only
 * during the {@link MessageSource#write(int, WritableMessageBytes)} call it is passed to. Every
 * put is checked against the length: an offset outside the message throws
 * {@link IndexOutOfBoundsException}, it never writes over a neighbour's bytes.
 */
public interface WritableMessageBytes extends MessageBytes {

    void putByte(int offset, byte value);

    void putInt(int offset, int value);

    void putLong(int offset, long value);
}
