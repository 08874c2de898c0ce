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
     * bytes at a time; longer ones through a read-only ByteBuffer view of the ring, out of which
     * the endpoint copies a long filler in bulk, 4 KiB at a time into an array that stays in L1,
     * to compare it there (on JDK 17 a direct buffer's own compare is not vectorised: the
     * endpoint's Payload.fillerIntact). 152 is a 24-byte payload header and the 16 filler words
     * the endpoint checks without a loop; past it the copy and the vectorised compare win
     * (RunCost, one thread, receive runs in place / through the view: 192 B 40-47 / 40-41 ns,
     * 512 B 65-66 / 46-50, 1 KiB 105-110 / 61-71). (The writer has its own cut, RingWriter's
     * FIELD_BY_FIELD_LIMIT.) Each side makes one pass over the ring's bytes, as the raw ring's
     * producer and consumer do: a write then a copy, and a whole message copied out of the ring
     * then checked, were two passes.
     */
    static final int SMALL_PAYLOAD_LIMIT = 152;

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
