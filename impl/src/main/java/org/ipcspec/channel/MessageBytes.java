package org.ipcspec.channel;

/**
 * A collected message read where it lies, not copied: {@link #length()} bytes, read at offsets
 * from 0 in big-endian (network) order, the order of docs/protocol.md's generated payloads. Valid
 * only during the {@link MessageSink#accept(MessageBytes)} call it is passed to; the channel
 * reuses it for the next message. Every read is checked against the length: an offset outside
 * the message throws {@link IndexOutOfBoundsException}, it never reads a neighbour's bytes.
 */
public interface MessageBytes {

    int length();

    byte getByte(int offset);

    int getInt(int offset);

    long getLong(int offset);
}
