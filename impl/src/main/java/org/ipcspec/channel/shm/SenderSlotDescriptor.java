package org.ipcspec.channel.shm;

/**
 * Layout of one slot of the sender table, which starts at
 * {@link ShmFileDescriptor#SENDER_TABLE_OFFSET} and holds {@link #SLOTS} slots of
 * {@link #SLOT_LENGTH} bytes. A sender owns one slot while it is attached; the slot carries its
 * per-sender capacity accounting.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |     Owner PID (64 bits), 0 when the slot is free              |  0
 *  +---------------------------------------------------------------+
 *  |     Sender Id (u32)                                           |  8
 *  +---------------------------------------------------------------+
 *  |     More (u32): 1 while the owner writes a batch, else 0      | 12
 *  +---------------------------------------------------------------+
 *  |     Sent (64 bits): messages this incarnation published       | 16
 *  +---------------------------------------------------------------+
 *  |     Collected word (64 bits):                                 | 24
 *  |       high 32 bits: incarnation, low 32 bits: collected count |
 *  +---------------------------------------------------------------+
 *  |     reserved up to 64                                         | 32
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * Incarnation and collected count share one word so that the receiver's compare-and-set counts a
 * collection only for the incarnation that wrote the record: a slot reused after its owner died
 * starts a new incarnation at count 0, and the dead owner's records still in the ring are
 * collected without touching the new owner's count.
 *
 * <p>More is the shm form of the socket transport's {@code MORE} flag: while it is 1 the owner is
 * inside a {@code send_many} and writes its next record at once, so the receiver may count that
 * owner's collections in a window instead of one compare-and-set per message (see
 * {@link RingReader}). Zero is always safe: every collection is then counted before the receive
 * returns, as a reader that ignores the field does.
 */
final class SenderSlotDescriptor {

    static final int SLOTS = 64;
    static final int SLOT_LENGTH = 64;
    static final int PID_OFFSET = 0;
    static final int SENDER_ID_OFFSET = 8;
    static final int MORE_OFFSET = 12;
    static final int SENT_OFFSET = 16;
    static final int COLLECTED_OFFSET = 24;

    private SenderSlotDescriptor() {
    }

    static int slotOffset(int slot) {
        checkSlot(slot);
        return ShmFileDescriptor.SENDER_TABLE_OFFSET + slot * SLOT_LENGTH;
    }

    static int incarnation(long collectedWord) {
        return (int) (collectedWord >>> 32);
    }

    static int collectedCount(long collectedWord) {
        return (int) collectedWord;
    }

    static long collectedWord(int incarnation, int count) {
        return ((long) incarnation << 32) | (count & 0xFFFF_FFFFL);
    }

    static void checkSlot(int slot) {
        if (slot < 0 || slot >= SLOTS) {
            throw new IndexOutOfBoundsException("sender slot out of range: slot=" + slot + " slots=" + SLOTS);
        }
    }
}
