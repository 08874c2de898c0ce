package org.ipcspec.channel.shm;

import static org.ipcspec.channel.shm.SenderSlotDescriptor.COLLECTED_OFFSET;
import static org.ipcspec.channel.shm.SenderSlotDescriptor.MORE_OFFSET;
import static org.ipcspec.channel.shm.SenderSlotDescriptor.PID_OFFSET;
import static org.ipcspec.channel.shm.SenderSlotDescriptor.SENDER_ID_OFFSET;
import static org.ipcspec.channel.shm.SenderSlotDescriptor.SENT_OFFSET;
import static org.ipcspec.channel.shm.SenderSlotDescriptor.SLOTS;
import static org.ipcspec.channel.shm.SenderSlotDescriptor.collectedCount;
import static org.ipcspec.channel.shm.SenderSlotDescriptor.collectedWord;
import static org.ipcspec.channel.shm.SenderSlotDescriptor.incarnation;
import static org.ipcspec.channel.shm.SenderSlotDescriptor.slotOffset;

/** The sender table in a mapped channel file: claiming and releasing slots, and the counts. */
final class SenderTable {

    static final int NO_SLOT = -1;

    private final SharedBuffer buffer;

    SenderTable(SharedBuffer buffer) {
        this.buffer = buffer;
    }

    /**
     * Takes a free slot, or one whose owner died, for process {@code pid}, and starts a new
     * incarnation of it at counts zero. Returns the slot, or {@link #NO_SLOT} when all are owned
     * by live processes.
     */
    int claim(long pid, int senderId) {
        for (int slot = 0; slot < SLOTS; slot++) {
            int at = slotOffset(slot);
            long owner = buffer.getLongVolatile(at + PID_OFFSET);
            boolean free = owner == 0 || (owner != pid && !ProcessLiveness.isAlive(owner));
            if (free && buffer.compareAndSetLong(at + PID_OFFSET, owner, pid)) {
                buffer.putInt(at + SENDER_ID_OFFSET, senderId);
                buffer.putIntRelease(at + MORE_OFFSET, 0);
                buffer.putLongRelease(at + SENT_OFFSET, 0);
                // Bump the incarnation with a CAS: the receiver may be counting an old record right now.
                while (true) {
                    long word = buffer.getLongVolatile(at + COLLECTED_OFFSET);
                    if (buffer.compareAndSetLong(at + COLLECTED_OFFSET, word, collectedWord(incarnation(word) + 1, 0))) {
                        break;
                    }
                }
                return slot;
            }
        }
        return NO_SLOT;
    }

    /** Frees the slot if {@code pid} still owns it. Records it published stay collectable. */
    void release(int slot, long pid) {
        buffer.compareAndSetLong(slotOffset(slot) + PID_OFFSET, pid, 0);
    }

    long collectedWordAcquire(int slot) {
        return buffer.getLongAcquire(slotOffset(slot) + COLLECTED_OFFSET);
    }

    void putSentRelease(int slot, long sent) {
        buffer.putLongRelease(slotOffset(slot) + SENT_OFFSET, sent);
    }

    /**
     * The owner's side: whether it is inside a batch. Stored with release before the record it
     * concerns is published, so a receiver that reads that record reads this value or a later one.
     */
    void putMoreRelease(int slot, boolean more) {
        buffer.putIntRelease(slotOffset(slot) + MORE_OFFSET, more ? 1 : 0);
    }

    /**
     * The receiver's side, after the tail acquire that published the record it is counting: plain
     * is enough, the tail's release ordered the owner's store before it.
     */
    boolean isMore(int slot) {
        return buffer.getInt(slotOffset(slot) + MORE_OFFSET) != 0;
    }

    long sentAcquire(int slot) {
        return buffer.getLongAcquire(slotOffset(slot) + SENT_OFFSET);
    }

    /**
     * The receiver's side: counts {@code collections} for {@code incarnation} of {@code slot};
     * does nothing when the slot has moved on to a newer incarnation since the records were written.
     */
    void countCollected(int slot, int recordIncarnation, int collections) {
        int at = slotOffset(slot) + COLLECTED_OFFSET;
        while (true) {
            long word = buffer.getLongVolatile(at);
            if (incarnation(word) != recordIncarnation) {
                return;
            }
            if (buffer.compareAndSetLong(at, word, collectedWord(recordIncarnation, collectedCount(word) + collections))) {
                return;
            }
        }
    }
}
