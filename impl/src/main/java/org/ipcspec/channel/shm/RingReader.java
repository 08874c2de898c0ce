package org.ipcspec.channel.shm;

import static org.ipcspec.channel.shm.RecordDescriptor.HEADER_LENGTH;
import static org.ipcspec.channel.shm.RecordDescriptor.LENGTH_OFFSET;
import static org.ipcspec.channel.shm.RecordDescriptor.SLOT_OFFSET;
import static org.ipcspec.channel.shm.RecordDescriptor.SMALL_PAYLOAD_LIMIT;
import static org.ipcspec.channel.shm.RecordDescriptor.TYPE_PADDING;
import static org.ipcspec.channel.shm.RecordDescriptor.alignedLength;
import static org.ipcspec.channel.shm.RecordDescriptor.isWellFormed;
import static org.ipcspec.channel.shm.ShmFileDescriptor.HEAD_POSITION_OFFSET;
import static org.ipcspec.channel.shm.ShmFileDescriptor.TAIL_POSITION_OFFSET;

import java.nio.ByteBuffer;

import org.ipcspec.channel.ChannelException;
import org.ipcspec.channel.MessageBytes;
import org.ipcspec.channel.MessageSink;

/**
 * The reading side of the ring; the receiver is its only user, so the head needs no lock.
 *
 * <p>The steps of a read, in order:
 * <ol>
 *   <li>read the tail with acquire (only when everything below the last tail read is consumed):
 *       every byte below it was written before it was published;</li>
 *   <li>at the head: read Length and Type; skip a PADDING record (head += Length);</li>
 *   <li>copy the payload out of the MESSAGE record, or let the sink of a run read it in place;</li>
 *   <li>head += align(Length, 8), stored with release semantics once for a run of records, before
 *       their collections are counted and whenever nothing is left to read: writers may then
 *       reuse the bytes;</li>
 *   <li>count the collection in the record's sender slot (compare-and-set of the collected word,
 *       only if the slot is still in the record's incarnation).</li>
 * </ol>
 * Step 5 waits, within a window, for a sender whose slot says More (inside a {@code send_many}):
 * its collections are counted together, by one compare-and-set, once {@link #window} of them
 * are pending, at a record of another slot, at the end of a read or a run that finds the
 * sender no longer in a batch ({@link #countIfBatchEnded}), and always before a read finds
 * nothing published (so before any receive waits or answers empty), before a corrupt record is
 * reported and at {@link #flushCollected} (close). One compare-and-set per
 * message on a line the full sender keeps reading made the receiver the bottleneck: the sender
 * retried 1.4-1.8 M times per 5 M messages of 64 B. This is the socket transport's ACK window
 * (docs/wire-formats.md#the-causality-rule): the rule holds from the batch's last record on.
 * A corrupt record is reported by {@link ChannelException} after the head has moved past it,
 * so one bad record does not wedge the receiver: past that record alone when its Length and
 * Type are sane (a bad sender slot), else to the published tail, the one position known to be a
 * record boundary, which drops what was published after the bad record. The dropped messages
 * are never counted collected (docs/wire-formats.md#a-read-step-by-step-receiver).
 * Not thread-safe: one receiver thread uses it.
 */
final class RingReader {

    /** {@link #read} found nothing published. */
    static final int NOTHING = -1;
    /** The most collections counted by one compare-and-set. */
    static final int MAX_WINDOW = 256;
    /** How far past the head a run first touches the published lines ({@link #touchAhead}). */
    static final int TOUCH_AHEAD_BYTES = 2048;

    private final SharedBuffer buffer;
    private final SenderTable senders;
    private final int ringOffset;
    private final int ringSize;
    private final int mask;
    private final int maxMessageBytes;
    private long head;
    /** Collections pending count, at most this many; 0 counts each at once. */
    private final int window;
    private int pendingSlot;
    private int pendingIncarnation;
    private int pendingCount;
    /** The last tail read; everything below it is published. */
    private long publishedTail;
    /** The head as last stored in the file. */
    private long releasedHead;
    /** The record {@link #findMessage} found: its buffer index, Length, sender slot and incarnation. */
    private int recordAt;
    private int recordLength;
    private int recordSlot;
    private int recordIncarnation;
    /**
     * The two header words of the last record {@link #findMessage} checked, and its aligned
     * length; none before the first ({@link Integer#MAX_VALUE} bytes: more than any ring holds).
     */
    private long alikeLengthAndType;
    private long alikeSlotAndIncarnation;
    private int alikeAligned = Integer.MAX_VALUE;
    /** A read-only, big-endian view of the whole mapping, for large messages read in place. */
    private final ByteBuffer inPlace;
    /** The payload of the record at hand, for small messages read in place. */
    private final MappedMessage mapped;
    /** The sum of the words {@link #touchAhead} read; never used. */
    private long touched;

    RingReader(SharedBuffer buffer, SenderTable senders, int ringSize, int maxMessageBytes) {
        this.buffer = buffer;
        this.senders = senders;
        this.ringOffset = ShmFileDescriptor.HEADER_LENGTH;
        this.ringSize = ringSize;
        this.mask = ringSize - 1;
        this.maxMessageBytes = maxMessageBytes;
        this.window = windowFor(buffer.getInt(ShmFileDescriptor.CAPACITY_OFFSET));
        this.head = buffer.getLongAcquire(HEAD_POSITION_OFFSET);
        this.publishedTail = head;
        this.releasedHead = head;
        this.inPlace = buffer.readOnlyView();
        this.mapped = new MappedMessage(buffer);
    }

    /**
     * Copies the next published message into {@code into} (cleared, then position 0 to limit is
     * the message) and consumes it.
     *
     * @return the payload length, or {@link #NOTHING}
     */
    int read(ByteBuffer into) {
        if (!findMessage(false)) {
            return NOTHING;
        }
        int payloadLength = recordLength - HEADER_LENGTH;
        if (into.capacity() < payloadLength) {
            throw new IllegalArgumentException("receive buffer too small: capacity=" + into.capacity()
                    + " messageLength=" + payloadLength);
        }
        into.clear();
        buffer.getBytes(recordAt + HEADER_LENGTH, into, 0, payloadLength);
        into.limit(payloadLength);
        consume();
        countIfBatchEnded();
        return payloadLength;
    }

    /**
     * Hands the messages published so far, up to {@code max}, one after the other to
     * {@code sink}, each in place, none copied out of the ring by the reader: a message of up to
     * {@link RecordDescriptor#SMALL_PAYLOAD_LIMIT} bytes as {@link MessageBytes} (a copy into a
     * heap buffer first cost 6-8 of the 32 ns a 64-byte message took the endpoint here), a larger
     * one as a read-only view of the ring, out of which the sink copies what it needs. A
     * record is consumed only once the sink is done with it, so the head never frees bytes the
     * sink still reads; the head is stored once for the run.
     * Stops before a corrupt record when it has handed over any, so that the next {@link #read}
     * reports it, and before a message longer than {@code into}, which the next {@link #read}
     * refuses. A record with the same header as the one before it is found by
     * {@link #nextAlike}, the others by {@link #findMessage}.
     *
     * @return how many messages were handed over; 0 when nothing is published
     */
    int readRun(ByteBuffer into, MessageSink sink, int max) {
        touchAhead();
        int n = 0;
        try {
            while (n < max && (n == 0 || head != publishedTail) && (nextAlike() || findMessage(n > 0))) {
                int payloadLength = recordLength - HEADER_LENGTH;
                if (payloadLength > into.capacity()) {
                    break;
                }
                int payloadAt = recordAt + HEADER_LENGTH;
                if (payloadLength <= SMALL_PAYLOAD_LIMIT) {
                    sink.accept(mapped.moveTo(payloadAt, payloadLength));
                } else {
                    inPlace.limit(payloadAt + payloadLength).position(payloadAt);
                    sink.accept(inPlace);
                }
                consume();
                n++;
            }
        } finally {
            countIfBatchEnded();
            releaseHead();
        }
        return n;
    }

    /**
     * Reads one word of each cache line of the next {@link #TOUCH_AHEAD_BYTES} published bytes, so
     * that their transfers from the writer's core are in flight together before the run walks
     * them. The walk alone asks for a line only when it reaches it, each record's place following
     * from the Length read in the one before, and most of its lines come from the other core's
     * cache. A 64-byte stream between two endpoint processes went from a median 23.3 to 32.8 M
     * msg/s, and between two threads of one JVM (PairCost) from 24.6-29.6 to 34.2-40.4, touching
     * 1,280 to 5,120 bytes alike; 4 KiB messages ran as before (docs/performance.md, tenth pass).
     * From the line after the head's (which the walk reads first anyway, and whose bytes before
     * the head a writer may be filling) up to the published tail: only published bytes are read.
     */
    private void touchAhead() {
        long end = Math.min(publishedTail, head + TOUCH_AHEAD_BYTES);
        long words = 0;
        for (long line = (head & ~63L) + 64; line < end; line += 64) {
            words += buffer.getLong(ringOffset + ((int) line & mask));
        }
        touched += words; // kept, so that the JIT does not drop the reads
    }

    /**
     * Finds the next message record at the head, skipping padding, into {@link #recordAt},
     * {@link #recordLength}, {@link #recordSlot} and {@link #recordIncarnation}. False when nothing
     * is published (the pending collections counted first), or, when {@code quiet}, at a corrupt
     * record, which is left in place; otherwise a corrupt record is skipped and reported.
     */
    private boolean findMessage(boolean quiet) {
        while (true) {
            if (head == publishedTail) {
                publishedTail = buffer.getLongAcquire(TAIL_POSITION_OFFSET);
                if (head == publishedTail) {
                    flushCollected();
                    return false;
                }
            }
            int ringIndex = (int) head & mask;
            int at = ringOffset + ringIndex;
            long lengthAndType = buffer.getLong(at + LENGTH_OFFSET); // little-endian: length, then type
            int length = (int) lengthAndType;
            int type = (int) (lengthAndType >>> 32);
            long published = publishedTail - head;
            if (!isWellFormed(ringIndex, length, type, ringSize, published, maxMessageBytes)) {
                if (quiet) {
                    return false;
                }
                // The Length cannot be trusted, so the next record boundary known is the tail.
                throw skipCorrupt(ringIndex, published, "length=" + length + " type=" + type + " ringSize=" + ringSize
                        + " published=" + published + " maxMessageBytes=" + maxMessageBytes);
            }
            if (type == TYPE_PADDING) {
                head += length;
                continue;
            }
            long slotAndIncarnation = buffer.getLong(at + SLOT_OFFSET);
            int slot = (int) slotAndIncarnation;
            if (slot < 0 || slot >= SenderSlotDescriptor.SLOTS) {
                if (quiet) {
                    return false;
                }
                throw skipCorrupt(ringIndex, alignedLength(length), "slot=" + slot + " slots=" + SenderSlotDescriptor.SLOTS
                        + " length=" + length);
            }
            recordAt = at;
            recordLength = length;
            recordSlot = slot;
            recordIncarnation = (int) (slotAndIncarnation >>> 32);
            alikeLengthAndType = lengthAndType;
            alikeSlotAndIncarnation = slotAndIncarnation;
            alikeAligned = alignedLength(length);
            return true;
        }
    }

    /**
     * Whether the record at the head is a message with the same Length, Type, sender slot and
     * incarnation as the last one {@link #findMessage} checked, published and inside the ring: then
     * it is well-formed for the same reasons, and only its place needs checking. In a batch of one
     * sender's messages of one size every record but a run's first is found this way, by two
     * compares of the header's two words. With the collections' More read once per run
     * ({@link #countIfBatchEnded}), 64-byte streams between two threads (PairCost) went from
     * medians of 52-57 to 59-67 M msg/s, where either change alone left them at 48-57; the
     * transport's walk in one thread (RunCost, a sink that does nothing) from 7.5-7.7 to 5.7-5.9
     * ns a message (docs/performance.md, twelfth pass).
     */
    private boolean nextAlike() {
        if (publishedTail - head < alikeAligned) {
            return false;
        }
        int ringIndex = (int) head & mask;
        if (ringIndex > ringSize - alikeAligned) {
            return false;
        }
        int at = ringOffset + ringIndex;
        if (buffer.getLong(at + LENGTH_OFFSET) != alikeLengthAndType || buffer.getLong(at + SLOT_OFFSET) != alikeSlotAndIncarnation) {
            return false;
        }
        recordAt = at; // recordLength, recordSlot and recordIncarnation are the alike record's
        return true;
    }

    /**
     * Moves the head past the record found and counts its collection; the head itself is stored
     * (release) when collections are counted or a run ends, not per record.
     */
    private void consume() {
        head += alignedLength(recordLength);
        count(recordSlot, recordIncarnation);
    }

    /** Stores the head (release) if it moved: writers may reuse the bytes before it. */
    private void releaseHead() {
        if (head != releasedHead) {
            buffer.putLongRelease(HEAD_POSITION_OFFSET, head);
            releasedHead = head;
        }
    }

    /**
     * A quarter of the per-sender capacity, as the socket ACK window, none below a capacity of 4,
     * and at most {@link #MAX_WINDOW}: a window of 1,024 (capacity 4,096) took the receiver longer
     * than a full sender's 20 us spin to fill, so the sender parked while it waited for the count.
     */
    static int windowFor(int capacity) {
        return capacity >= 4 ? Math.min(capacity / 4, MAX_WINDOW) : 0;
    }

    private void count(int slot, int incarnation) {
        boolean sameRun = pendingCount > 0 && slot == pendingSlot && incarnation == pendingIncarnation;
        if (pendingCount > 0 && !sameRun) {
            flushCollected();
        }
        pendingSlot = slot;
        pendingIncarnation = incarnation;
        pendingCount++;
        if (pendingCount >= window) {
            flushCollected();
        }
    }

    /**
     * Counts the pending collections now if their sender has left its batch (its slot's More is
     * 0): outside a batch a sender waits for each count. Read at the end of a read or a run, not
     * at each record: the slot's cache line is one the sender writes (Sent, More) and the receiver
     * writes (the count), and a read per record took it back from the sender's core after each of
     * its stores (see {@link #nextAlike} for what it saved).
     */
    private void countIfBatchEnded() {
        if (pendingCount > 0 && !senders.isMore(pendingSlot)) {
            flushCollected();
        }
    }

    /**
     * Stores the head, then counts the pending collections in their slot: a sender that sees its
     * message counted also finds its bytes free (an asynchronous sender at capacity 1 must not be
     * told {@code full} by a head not yet stored).
     */
    void flushCollected() {
        releaseHead();
        if (pendingCount > 0) {
            senders.countCollected(pendingSlot, pendingIncarnation, pendingCount);
            pendingCount = 0;
        }
    }

    /**
     * Moves the head {@code bytes} past the corrupt record at {@code ringIndex} (release: writers
     * may reuse them) and describes what was wrong and what was skipped.
     */
    private ChannelException skipCorrupt(int ringIndex, long bytes, String what) {
        flushCollected();
        long at = head;
        head += bytes;
        releaseHead();
        return new ChannelException("corrupt shm record at ring offset " + ringIndex + " (position " + at + "): " + what
                + "; skipped " + bytes + " bytes to position " + head
                + (head == publishedTail ? ", the published tail" : "") + "; the receiver reads on from there");
    }
}
