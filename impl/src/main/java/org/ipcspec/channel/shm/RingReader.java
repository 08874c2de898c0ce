package org.ipcspec.channel.shm;

import static org.ipcspec.channel.shm.RecordDescriptor.HEADER_LENGTH;
import static org.ipcspec.channel.shm.RecordDescriptor.LENGTH_OFFSET;
import static org.ipcspec.channel.shm.RecordDescriptor.SLOT_OFFSET;
import static org.ipcspec.channel.shm.RecordDescriptor.TYPE_PADDING;
import static org.ipcspec.channel.shm.RecordDescriptor.alignedLength;
import static org.ipcspec.channel.shm.RecordDescriptor.checkRecord;
import static org.ipcspec.channel.shm.ShmFileDescriptor.HEAD_POSITION_OFFSET;
import static org.ipcspec.channel.shm.ShmFileDescriptor.TAIL_POSITION_OFFSET;

import java.nio.ByteBuffer;

import org.ipcspec.channel.ChannelException;

/**
 * The reading side of the ring; the receiver is its only user, so the head needs no lock.
 *
 * <p>The steps of a read, in order:
 * <ol>
 *   <li>read the tail with acquire (only when everything below the last tail read is consumed):
 *       every byte below it was written before it was published;</li>
 *   <li>at the head: read Length and Type; skip a PADDING record (head += Length);</li>
 *   <li>copy the payload out of the MESSAGE record;</li>
 *   <li>write head += align(Length, 8) with release semantics: writers may now reuse the bytes;</li>
 *   <li>count the collection in the record's sender slot (compare-and-set of the collected word,
 *       only if the slot is still in the record's incarnation).</li>
 * </ol>
 * Not thread-safe: one receiver thread uses it.
 */
final class RingReader {

    /** {@link #read} found nothing published. */
    static final int NOTHING = -1;

    private final SharedBuffer buffer;
    private final SenderTable senders;
    private final int ringOffset;
    private final int ringSize;
    private final int mask;
    private final int maxMessageBytes;
    private long head;
    /** The last tail read; everything below it is published. */
    private long publishedTail;

    RingReader(SharedBuffer buffer, SenderTable senders, int ringSize, int maxMessageBytes) {
        this.buffer = buffer;
        this.senders = senders;
        this.ringOffset = ShmFileDescriptor.HEADER_LENGTH;
        this.ringSize = ringSize;
        this.mask = ringSize - 1;
        this.maxMessageBytes = maxMessageBytes;
        this.head = buffer.getLongAcquire(HEAD_POSITION_OFFSET);
        this.publishedTail = head;
    }

    /**
     * Copies the next published message into {@code into} (cleared, then position 0 to limit is
     * the message) and consumes it.
     *
     * @return the payload length, or {@link #NOTHING}
     */
    int read(ByteBuffer into) {
        while (true) {
            if (head == publishedTail) {
                publishedTail = buffer.getLongAcquire(TAIL_POSITION_OFFSET);
                if (head == publishedTail) {
                    return NOTHING;
                }
            }
            int ringIndex = (int) head & mask;
            int at = ringOffset + ringIndex;
            long lengthAndType = buffer.getLong(at + LENGTH_OFFSET); // little-endian: length, then type
            int length = (int) lengthAndType;
            int type = (int) (lengthAndType >>> 32);
            checkRecord(ringIndex, length, type, ringSize, publishedTail - head, maxMessageBytes);
            if (type == TYPE_PADDING) {
                head += length;
                continue;
            }
            long slotAndIncarnation = buffer.getLong(at + SLOT_OFFSET);
            int slot = (int) slotAndIncarnation;
            if (slot < 0 || slot >= SenderSlotDescriptor.SLOTS) {
                throw new ChannelException("corrupt shm record: ringIndex=" + ringIndex + " slot=" + slot);
            }
            int incarnation = (int) (slotAndIncarnation >>> 32);
            int payloadLength = length - HEADER_LENGTH;
            if (into.capacity() < payloadLength) {
                throw new IllegalArgumentException("receive buffer too small: capacity=" + into.capacity()
                        + " messageLength=" + payloadLength);
            }
            into.clear();
            buffer.getBytes(at + HEADER_LENGTH, into, 0, payloadLength);
            into.limit(payloadLength);
            head += alignedLength(length);
            buffer.putLongRelease(HEAD_POSITION_OFFSET, head);
            senders.countCollected(slot, incarnation);
            return payloadLength;
        }
    }

    /** True when a message (or padding) has been published beyond the head (acquire). */
    boolean hasPublishedAcquire() {
        return buffer.getLongAcquire(TAIL_POSITION_OFFSET) != head;
    }
}
