package org.ipcspec.channel.shm;

/**
 * Layout of a record in the ring. Records start at 8-byte aligned offsets; a record occupies
 * {@code align(length, 8)} bytes.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |     Length: header + payload bytes (before alignment)         |  0
 *  +---------------------------------------------------------------+
 *  |     Type: 1 MESSAGE, 2 PADDING                                |  4
 *  +---------------------------------------------------------------+
 *  |     Sender Slot (0..63)                 (MESSAGE only)        |  8
 *  +---------------------------------------------------------------+
 *  |     Slot Incarnation                    (MESSAGE only)        | 12
 *  +---------------------------------------------------------------+
 *  |     Payload ...                                              ...| 16
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * A record that does not fit before the end of the ring is preceded by a PADDING record that
 * fills the rest of the ring (its Length is that rest, at least 8: only Length and Type are
 * written), and the record itself starts at ring offset 0.
 */
final class RecordDescriptor {

    static final int LENGTH_OFFSET = 0;
    static final int TYPE_OFFSET = 4;
    static final int SLOT_OFFSET = 8;
    static final int INCARNATION_OFFSET = 12;
    static final int HEADER_LENGTH = 16;
    static final int ALIGNMENT = 8;

    /**
     * Payloads up to this long are read in place through {@link MappedMessage}, a field or 8
     * bytes at a time; longer ones through a read-only ByteBuffer view of the ring, whose bulk
     * compares check a long filler fastest. (The writer has its own cut, RingWriter's
     * FIELD_BY_FIELD_LIMIT.) Each side makes one pass over a message's bytes, as the raw ring's
     * producer and consumer do: a write then a copy, and a copy then a check, were two passes.
     */
    static final int SMALL_PAYLOAD_LIMIT = 1024;

    static final int TYPE_MESSAGE = 1;
    static final int TYPE_PADDING = 2;

    private RecordDescriptor() {
    }

    static int alignedLength(int length) {
        return (length + ALIGNMENT - 1) & -ALIGNMENT;
    }

    static long alignedLength(long length) {
        return (length + ALIGNMENT - 1) & -ALIGNMENT;
    }

    /**
     * True when the record at ring offset {@code ringIndex} is well-formed: a known type, a length
     * that stays inside the ring and inside what the writer published ({@code published} bytes
     * from the record on).
     */
    static boolean isWellFormed(int ringIndex, int length, int type, int ringSize, long published, int maxMessageBytes) {
        if (type == TYPE_PADDING) {
            return length == ringSize - ringIndex && length <= published;
        }
        if (type == TYPE_MESSAGE) {
            return length >= HEADER_LENGTH && length - HEADER_LENGTH <= maxMessageBytes
                    && ringIndex + alignedLength(length) <= ringSize && alignedLength(length) <= published;
        }
        return false;
    }
}
