package org.ipcspec.channel.shm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ipcspec.channel.ChannelException;
import org.ipcspec.channel.MessageBytes;
import org.ipcspec.channel.MessageSink;
import org.ipcspec.channel.MessageSource;
import org.ipcspec.channel.WritableMessageBytes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dangerous states of the ring, in one process: writers that die part-way, a full ring,
 * wrap-around, reused sender slots. A "dead writer" is a writer whose lock word holds a PID no
 * process can have (above the kernel's pid_max).
 */
class RingBufferTest {

    /** Linux PIDs stay below 2^22 (pid_max); this one never belongs to a process. */
    private static final long DEAD_PID = 1L << 30;
    private static final long LIVE_PID = ProcessLiveness.CURRENT_PID;
    private static final int MAX_MESSAGE_BYTES = 64;

    @TempDir
    Path dir;

    private SharedBuffer buffer;
    private int ringSize;
    private SenderTable senders;
    private RingReader reader;
    private final ByteBuffer into = ByteBuffer.allocate(MAX_MESSAGE_BYTES);

    @BeforeEach
    void createChannelFile() throws Exception {
        buffer = ShmChannelFile.create(dir.resolve("c"), 4, MAX_MESSAGE_BYTES, "application/octet-stream");
        ringSize = buffer.getInt(ShmFileDescriptor.RING_SIZE_OFFSET);
        senders = new SenderTable(buffer);
        reader = new RingReader(buffer, senders, ringSize, MAX_MESSAGE_BYTES);
    }

    @Test
    void shouldSizeRingAsPowerOfTwoHoldingTwoLargestRecords() {
        assertEquals(1024, ringSize);
        assertEquals(1 << 23, ShmFileDescriptor.ringSizeFor(1_000_000, 65536), "capped at 8 MiB");
        assertEquals(1 << 22, ShmFileDescriptor.ringSizeFor(1, 1 << 20), "never below two largest records");
    }

    @Test
    void shouldNotReadRecordWhoseWriterDiedPartWayThroughWriting() {
        RingWriter dying = new RingWriter(buffer, ringSize, DEAD_PID);
        assertTrue(dying.tryLockWriter());
        int at = dying.claim(0, 1, 40);
        dying.putPayload(at, payload(1, 40), 0, 20);
        // The writer dies here: claimed, half copied, never published, lock still held.

        assertEquals(RingReader.NOTHING, reader.read(into));
        assertEquals(0, tailPosition(), "nothing published");

        RingWriter next = new RingWriter(buffer, ringSize, LIVE_PID);
        assertFalse(next.tryLockWriter(), "the lock word still names the dead writer");
        assertTrue(next.tryStealWriterLockFromDeadHolder());
        assertEquals(LIVE_PID, buffer.getLongVolatile(ShmFileDescriptor.WRITER_LOCK_OFFSET), "the lock word names the thief");
        writeAndPublish(next, 0, 1, payload(2, 24));
        next.unlockWriterRelease();

        assertEquals(24, reader.read(into));
        assertPayload(2, 24);
        assertEquals(RingReader.NOTHING, reader.read(into));
    }

    @Test
    void shouldNotStealWriterLockFromLiveHolder() {
        RingWriter holder = new RingWriter(buffer, ringSize, LIVE_PID);
        assertTrue(holder.tryLockWriter());
        RingWriter other = new RingWriter(buffer, ringSize, DEAD_PID);
        assertFalse(other.tryLockWriter());
        assertFalse(other.tryStealWriterLockFromDeadHolder());
        holder.unlockWriterRelease();
        assertTrue(other.tryLockWriter());
    }

    @Test
    void shouldRejectWriteWhenRingFull() {
        RingWriter writer = lockedWriter();
        int recordBytes = RecordDescriptor.alignedLength(RecordDescriptor.HEADER_LENGTH + MAX_MESSAGE_BYTES);
        int fits = ringSize / recordBytes;
        for (int i = 0; i < fits; i++) {
            writeAndPublish(writer, 0, 1, payload(i, MAX_MESSAGE_BYTES));
        }
        long tailBefore = tailPosition();
        assertEquals(RingWriter.INSUFFICIENT_CAPACITY, writer.claim(0, 1, MAX_MESSAGE_BYTES));
        assertEquals(tailBefore, tailPosition(), "nothing published");

        assertEquals(MAX_MESSAGE_BYTES, reader.read(into));
        assertPayload(0, MAX_MESSAGE_BYTES);
        // One record's room came free, but the next record would wrap: it needs padding too.
        int freeAtEnd = ringSize - fits * recordBytes;
        if (freeAtEnd == 0) {
            writeAndPublish(writer, 0, 1, payload(fits, MAX_MESSAGE_BYTES));
        }
        for (int i = 1; i < fits; i++) {
            assertEquals(MAX_MESSAGE_BYTES, reader.read(into));
            assertPayload(i, MAX_MESSAGE_BYTES);
        }
    }

    @Test
    void shouldKeepOrderAndIntegrityAcrossWrapAround() {
        wrapManyTimes((read, target, round) -> {
            long next = read;
            for (; next < target; next++) {
                int size = wrappingSize(next);
                assertEquals(size, reader.read(into), "record " + next);
                assertPayload(next, size);
            }
            return next;
        });
    }

    @Test
    void shouldKeepOrderAndIntegrityOfRunsAcrossWrapAround() {
        // As above, read in runs that stop short of the tail (at most 1-4 records), so that the
        // next run starts with more published past the head, often across the ring's end: each
        // run first touches those bytes (RingReader.touchAhead), which must stay in the ring.
        wrapManyTimes((read, target, round) -> {
            List<byte[]> seen = new ArrayList<>();
            while (read + seen.size() < target) {
                reader.readRun(ByteBuffer.allocate(MAX_MESSAGE_BYTES), collector(seen), 1 + round % 4);
            }
            long next = read;
            for (byte[] bytes : seen) {
                assertArrayEquals(payload(next, wrappingSize(next)).array(), bytes, "record " + next);
                next++;
            }
            return next;
        });
    }

    @Test
    void shouldKeepCountsRightWhenSlotIsReused() {
        int slot = senders.claim(DEAD_PID, 7);
        assertEquals(0, slot);
        int first = SenderSlotDescriptor.incarnation(senders.collectedWordAcquire(slot));
        RingWriter dead = new RingWriter(buffer, ringSize, DEAD_PID);
        assertTrue(dead.tryLockWriter());
        for (int i = 0; i < 3; i++) {
            writeAndPublish(dead, slot, first, payload(i, 16));
        }
        dead.unlockWriterRelease();
        // Its process died; the slot goes to the next sender, in a new incarnation.

        assertEquals(slot, senders.claim(LIVE_PID, 8));
        long word = senders.collectedWordAcquire(slot);
        int second = SenderSlotDescriptor.incarnation(word);
        assertNotEquals(first, second);
        assertEquals(0, SenderSlotDescriptor.collectedCount(word));
        assertEquals(0, senders.sentAcquire(slot));
        assertEquals(1, senders.claim(LIVE_PID, 9), "a live owner's slot is not taken");

        for (int i = 0; i < 3; i++) {
            assertEquals(16, reader.read(into));
        }
        assertEquals(SenderSlotDescriptor.collectedWord(second, 0), senders.collectedWordAcquire(slot),
                "the dead incarnation's records do not count for the new one");

        RingWriter live = lockedWriter();
        writeAndPublish(live, slot, second, payload(3, 16));
        assertEquals(16, reader.read(into));
        assertEquals(SenderSlotDescriptor.collectedWord(second, 1), senders.collectedWordAcquire(slot));

        senders.release(slot, LIVE_PID);
        assertEquals(0, buffer.getLongVolatile(SenderSlotDescriptor.slotOffset(slot) + SenderSlotDescriptor.PID_OFFSET),
                "the slot's PID word is cleared");
    }

    @Test
    void shouldFailOnVersionMismatchNamingBothVersions() {
        buffer.putInt(ShmFileDescriptor.VERSION_OFFSET, 99);
        ChannelException e = assertThrows(ChannelException.class, () -> ShmFileDescriptor.checkVersion(buffer));
        assertEquals("version not compatible: app=1 file=99", e.getMessage());
    }

    @Test
    void shouldReportCorruptRecordLengthThenReadOnFromThePublishedTail() {
        RingWriter writer = lockedWriter();
        writeAndPublish(writer, 0, 1, payload(0, 8));
        writeAndPublish(writer, 0, 1, payload(1, 8));
        long tail = tailPosition();
        buffer.putInt(ShmFileDescriptor.HEADER_LENGTH + RecordDescriptor.LENGTH_OFFSET, 100_000);

        ChannelException e = assertThrows(ChannelException.class, () -> reader.read(into));
        assertEquals("corrupt shm record at ring offset 0 (position 0): length=100000 type=1 ringSize=1024"
                + " published=48 maxMessageBytes=64; skipped 48 bytes to position 48, the published tail;"
                + " the receiver reads on from there", e.getMessage(), "what was wrong, where, and what was skipped");
        assertEquals(48, tail);
        assertEquals(tail, buffer.getLongAcquire(ShmFileDescriptor.HEAD_POSITION_OFFSET),
                "the head moved to the tail: writers may reuse the bytes");

        assertEquals(RingReader.NOTHING, reader.read(into), "the record after the bad one went with it");
        writeAndPublish(writer, 0, 1, payload(2, 24));
        assertEquals(24, reader.read(into), "the reader is not wedged");
        assertPayload(2, 24);
    }

    @Test
    void shouldReportRecordWithCorruptSlotThenReadTheNextRecord() {
        RingWriter writer = lockedWriter();
        writeAndPublish(writer, 0, 1, payload(0, 8));
        writeAndPublish(writer, 0, 1, payload(1, 16));
        buffer.putInt(ShmFileDescriptor.HEADER_LENGTH + RecordDescriptor.SLOT_OFFSET, 99);

        ChannelException e = assertThrows(ChannelException.class, () -> reader.read(into));
        assertTrue(e.getMessage().contains("slot=99"), e.getMessage());
        assertTrue(e.getMessage().contains("skipped 24 bytes"), e.getMessage());

        assertEquals(16, reader.read(into), "the next record, found by the bad one's sane length");
        assertPayload(1, 16);
        assertEquals(RingReader.NOTHING, reader.read(into));
    }

    @Test
    void shouldHandOverARunInOrderAndStoreTheHeadOncePerRun() {
        RingWriter writer = lockedWriter();
        for (int i = 0; i < 5; i++) {
            writeAndPublish(writer, 0, 1, payload(i, 8 + i));
        }
        List<byte[]> seen = new ArrayList<>();
        ByteBuffer run = ByteBuffer.allocate(MAX_MESSAGE_BYTES);

        assertEquals(3, reader.readRun(run, collector(seen), 3), "at most max");
        assertEquals(positionAfter(8, 9, 10), headPosition(), "the head after the run's last record, stored at its end");
        assertEquals(2, reader.readRun(run, collector(seen), 10), "the rest, fewer than max");
        assertEquals(0, reader.readRun(run, collector(seen), 10), "nothing published");
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(payload(i, 8 + i).array(), seen.get(i), "message " + i + ", whole and in order");
        }
        assertEquals(tailPosition(), headPosition());
    }

    @Test
    void shouldEndARunBeforeACorruptRecordAndLeaveItForTheNextRead() {
        RingWriter writer = lockedWriter();
        writeAndPublish(writer, 0, 1, payload(0, 8));
        writeAndPublish(writer, 0, 1, payload(1, 8));
        writeAndPublish(writer, 0, 1, payload(2, 8));
        int second = ShmFileDescriptor.HEADER_LENGTH + RecordDescriptor.alignedLength(RecordDescriptor.HEADER_LENGTH + 8);
        buffer.putInt(second + RecordDescriptor.LENGTH_OFFSET, 100_000);
        List<byte[]> seen = new ArrayList<>();

        assertEquals(1, reader.readRun(ByteBuffer.allocate(MAX_MESSAGE_BYTES), collector(seen), 10), "the good record before it");
        assertArrayEquals(payload(0, 8).array(), seen.get(0));
        ChannelException e = assertThrows(ChannelException.class, () -> reader.read(into), "reported by the next read");
        assertTrue(e.getMessage().contains("length=100000"), e.getMessage());
        assertEquals(RingReader.NOTHING, reader.read(into), "skipped to the published tail, as a single read does");
    }

    @Test
    void shouldNotTakeARecordAlikeTheOneBeforeItThatRunsPastTheRingsEnd() {
        RingWriter writer = lockedWriter();
        int size = 56; // records of 72 bytes: the one after the last that fits needs a padding record first
        int recordBytes = RecordDescriptor.alignedLength(RecordDescriptor.HEADER_LENGTH + size);
        int fitting = ringSize / recordBytes;
        for (int i = 0; i < fitting; i++) {
            writeAndPublish(writer, 0, 1, payload(i, size));
        }
        // A foreign writer's record with the header words of those before it, at the ring's end without padding.
        int last = fitting * recordBytes;
        int at = ShmFileDescriptor.HEADER_LENGTH + last;
        buffer.putLong(at + RecordDescriptor.LENGTH_OFFSET, RingWriter.pair(RecordDescriptor.HEADER_LENGTH + size, RecordDescriptor.TYPE_MESSAGE));
        buffer.putLong(at + RecordDescriptor.SLOT_OFFSET, RingWriter.pair(0, 1));
        buffer.putLongRelease(ShmFileDescriptor.TAIL_POSITION_OFFSET, last + recordBytes);
        List<byte[]> seen = new ArrayList<>();

        assertEquals(fitting, reader.readRun(ByteBuffer.allocate(MAX_MESSAGE_BYTES), collector(seen), 64),
                "the records before it, all but the first found alike");
        for (int i = 0; i < fitting; i++) {
            assertArrayEquals(payload(i, size).array(), seen.get(i), "message " + i);
        }
        ChannelException e = assertThrows(ChannelException.class, () -> reader.read(into), "reported by the next read");
        assertTrue(e.getMessage().startsWith("corrupt shm record at ring offset " + last + " "), e.getMessage());
    }

    @Test
    void shouldEndARunBeforeAMessageLongerThanItsArray() {
        RingWriter writer = lockedWriter();
        writeAndPublish(writer, 0, 1, payload(0, 8));
        writeAndPublish(writer, 0, 1, payload(1, 40));
        List<byte[]> seen = new ArrayList<>();

        assertEquals(1, reader.readRun(ByteBuffer.allocate(16), collector(seen), 10));
        assertEquals(0, reader.readRun(ByteBuffer.allocate(16), collector(seen), 10), "left for a read with room for it");
        assertEquals(40, reader.read(into));
        assertPayload(1, 40);
    }

    @Test
    void shouldWriteARunAcrossTheRingsEndAndPublishItWithOneTailStore() {
        RingWriter writer = lockedWriter();
        int size = 40;
        int recordBytes = RecordDescriptor.alignedLength(RecordDescriptor.HEADER_LENGTH + size);
        // Move the positions near the end of the ring, so the run needs a padding record.
        for (int i = 0; i < ringSize / recordBytes - 1; i++) {
            writeAndPublish(writer, 0, 1, payload(i, size));
            assertEquals(size, reader.read(into));
        }
        reader.flushCollected();
        long tailBefore = tailPosition();
        MessageSource run = (index, target, at) -> target.put(at, payload(100 + index, size).array(), 0, size);

        assertEquals(5, writer.writeRun(0, 1, run, size, 5));
        assertTrue(tailPosition() > tailBefore + 5L * recordBytes, "published past a padding record");
        List<byte[]> seen = new ArrayList<>();
        assertEquals(5, reader.readRun(ByteBuffer.allocate(MAX_MESSAGE_BYTES), collector(seen), 64), "the padding skipped inside the run");
        for (int j = 0; j < 5; j++) {
            assertArrayEquals(payload(100 + j, size).array(), seen.get(j), "message " + j);
        }
    }

    @Test
    void shouldHaveSmallPayloadsWrittenFieldByFieldInPlaceAndLargeOnesThroughAView() throws Exception {
        int small = RingWriter.FIELD_BY_FIELD_LIMIT;
        int large = small + 1;
        SharedBuffer big = ShmChannelFile.create(dir.resolve("large"), 4, 4 * large, "application/octet-stream");
        int ring = big.getInt(ShmFileDescriptor.RING_SIZE_OFFSET);
        RingReader bigReader = new RingReader(big, new SenderTable(big), ring, 4 * large);
        RingWriter writer = new RingWriter(big, ring, LIVE_PID);
        assertTrue(writer.tryLockWriter());
        List<String> calls = new ArrayList<>();
        MessageSource source = new MessageSource() {
            @Override
            public void write(int index, ByteBuffer target, int at) {
                calls.add("view " + target.isDirect());
                target.put(at, payload(index, large).array(), 0, large);
            }

            @Override
            public void write(int index, WritableMessageBytes target) {
                calls.add("in place " + target.length());
                for (int i = 0; i < target.length(); i += 8) {
                    target.putLong(i, 0x0102030405060708L * (index + 1));
                }
            }
        };

        assertEquals(2, writer.writeRun(0, 1, source, small, 2));
        assertEquals(1, writer.writeRun(0, 1, source, large, 1));
        assertEquals(List.of("in place " + small, "in place " + small, "view true"), calls);
        List<byte[]> seen = new ArrayList<>();
        assertEquals(3, bigReader.readRun(ByteBuffer.allocate(4 * large), collector(seen), 64));
        ByteBuffer second = ByteBuffer.wrap(seen.get(1));
        assertEquals(small, second.remaining());
        assertEquals(0x020406080A0C0E10L, second.getLong(0), "big-endian, as written");
        assertEquals(0x020406080A0C0E10L, second.getLong(small - 8), "every field written");
        assertArrayEquals(payload(0, large).array(), seen.get(2));
    }

    @Test
    void shouldWriteAsMuchOfARunAsTheRingHasRoomFor() {
        RingWriter writer = lockedWriter();
        int recordBytes = RecordDescriptor.alignedLength(RecordDescriptor.HEADER_LENGTH + MAX_MESSAGE_BYTES);
        int fits = ringSize / recordBytes;
        MessageSource run = (index, target, at) -> target.put(at, payload(index, MAX_MESSAGE_BYTES).array(), 0, MAX_MESSAGE_BYTES);

        assertEquals(fits, writer.writeRun(0, 1, run, MAX_MESSAGE_BYTES, fits + 3), "the rest does not fit");
        assertEquals((long) fits * recordBytes, tailPosition(), "everything written was published");
        assertEquals(0, writer.writeRun(0, 1, run, MAX_MESSAGE_BYTES, 1), "full: nothing written");
        assertEquals((long) fits * recordBytes, tailPosition());
    }

    @Test
    void shouldHandEveryMessageOverInPlaceAndFreeItsBytesOnlyAfterTheSinkIsDone() throws Exception {
        int size = RecordDescriptor.SMALL_PAYLOAD_LIMIT + 1;
        SharedBuffer big = ShmChannelFile.create(dir.resolve("large"), 4, 4 * size, "application/octet-stream");
        int ring = big.getInt(ShmFileDescriptor.RING_SIZE_OFFSET);
        RingReader largeReader = new RingReader(big, new SenderTable(big), ring, 4 * size);
        RingWriter writer = new RingWriter(big, ring, LIVE_PID);
        assertTrue(writer.tryLockWriter());
        writeAndPublish(writer, 0, 1, payload(7, size));
        writeAndPublish(writer, 0, 1, payload(8, 40));
        List<String> seen = new ArrayList<>();

        int n = largeReader.readRun(ByteBuffer.allocate(4 * size), new MessageSink() {
            @Override
            public void accept(ByteBuffer message) {
                seen.add((message.isReadOnly() && !message.hasArray() ? "view " : "buffer ") + message.remaining() + " head " + head());
                byte[] bytes = new byte[message.remaining()];
                message.duplicate().get(bytes);
                assertArrayEquals(payload(7, size).array(), bytes);
            }

            @Override
            public void accept(MessageBytes message) {
                seen.add("bytes " + message.length() + " head " + head());
                byte[] bytes = new byte[message.length()];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = message.getByte(i);
                }
                assertArrayEquals(payload(8, 40).array(), bytes);
            }

            private long head() {
                return big.getLongAcquire(ShmFileDescriptor.HEAD_POSITION_OFFSET);
            }
        }, 10);

        assertEquals(2, n);
        long afterFirst = RecordDescriptor.alignedLength(RecordDescriptor.HEADER_LENGTH + size);
        assertEquals(List.of("view " + size + " head 0", "bytes 40 head " + afterFirst), seen,
                "the large one through a read-only view of the ring, the small one through MessageBytes, neither"
                        + " copied out first, each one's bytes freed only once its sink call was over");
        assertEquals(big.getLongAcquire(ShmFileDescriptor.TAIL_POSITION_OFFSET), big.getLongAcquire(ShmFileDescriptor.HEAD_POSITION_OFFSET));
    }

    @Test
    void shouldCountABatchsCollectionsInAWindowOfAQuarterOfTheCapacityUpTo256() {
        assertEquals(0, RingReader.windowFor(3), "each counted at once below a capacity of 4");
        assertEquals(2, RingReader.windowFor(8));
        assertEquals(256, RingReader.windowFor(1024));
        assertEquals(256, RingReader.windowFor(4096), "a full sender must see room within its spin");
    }

    @Test
    void shouldStoreTheHeadBeforeCountingCollections() {
        // A window of collections pending: a sender inside a batch (More) is counted every window.
        BatchInAWindow batch = batchInAWindow(3);
        SharedBuffer big = batch.buffer();
        RingReader windowed = batch.reader();

        assertEquals(8, windowed.read(into));
        assertEquals(8, windowed.read(into));
        assertEquals(0, batch.collected(), "pending in the window");
        assertEquals(0, big.getLongAcquire(ShmFileDescriptor.HEAD_POSITION_OFFSET), "and so is the head");
        assertEquals(8, windowed.read(into));
        assertEquals(RingReader.NOTHING, windowed.read(into));
        assertEquals(3, batch.collected(), "counted when nothing was left to read");
        assertEquals(big.getLongAcquire(ShmFileDescriptor.TAIL_POSITION_OFFSET), big.getLongAcquire(ShmFileDescriptor.HEAD_POSITION_OFFSET),
                "the head stored first: counted messages' bytes are free");
    }

    @Test
    void shouldCountARunsCollectionsAtItsEndOnceTheSenderHasLeftItsBatch() {
        BatchInAWindow batch = batchInAWindow(5);
        RingReader windowed = batch.reader();
        ByteBuffer run = ByteBuffer.allocate(MAX_MESSAGE_BYTES);
        List<byte[]> seen = new ArrayList<>();

        assertEquals(3, windowed.readRun(run, collector(seen), 3));
        assertEquals(0, batch.collected(), "a batch's: pending in the window");
        batch.table().putMoreRelease(batch.slot(), false);
        assertEquals(1, windowed.readRun(run, collector(seen), 1));
        assertEquals(4, batch.collected(), "counted at the run's end, one record still unread: the sender left its batch");
    }

    /** A channel of capacity 4,096 (a window of 256), a reader of it and a claimed sender slot. */
    private record BatchInAWindow(SharedBuffer buffer, SenderTable table, int slot, RingReader reader) {

        /** The collections counted in the slot so far. */
        int collected() {
            return SenderSlotDescriptor.collectedCount(table.collectedWordAcquire(slot));
        }
    }

    /** {@code records} messages of 8 bytes published by a sender inside a batch (its slot's More is 1), none read. */
    private BatchInAWindow batchInAWindow(int records) {
        SharedBuffer big = createBuffer(dir.resolve("big"), 4096);
        SenderTable table = new SenderTable(big);
        int slot = table.claim(LIVE_PID, 1);
        int incarnation = SenderSlotDescriptor.incarnation(table.collectedWordAcquire(slot));
        int ring = big.getInt(ShmFileDescriptor.RING_SIZE_OFFSET);
        RingWriter writer = new RingWriter(big, ring, LIVE_PID);
        assertTrue(writer.tryLockWriter());
        table.putMoreRelease(slot, true);
        for (int i = 0; i < records; i++) {
            writeAndPublish(writer, slot, incarnation, payload(i, 8));
        }
        return new BatchInAWindow(big, table, slot, new RingReader(big, table, ring, MAX_MESSAGE_BYTES));
    }

    private SharedBuffer createBuffer(Path path, int capacity) {
        try {
            return ShmChannelFile.create(path, capacity, MAX_MESSAGE_BYTES, "application/octet-stream");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static MessageSink collector(List<byte[]> seen) {
        return message -> {
            byte[] bytes = new byte[message.remaining()];
            message.duplicate().get(bytes);
            seen.add(bytes);
        };
    }

    /** The position after records with these payload lengths, from position 0. */
    private static long positionAfter(int... payloadLengths) {
        long position = 0;
        for (int length : payloadLengths) {
            position += RecordDescriptor.alignedLength(RecordDescriptor.HEADER_LENGTH + length);
        }
        return position;
    }

    private long headPosition() {
        return buffer.getLongAcquire(ShmFileDescriptor.HEAD_POSITION_OFFSET);
    }

    /** The tail position word, read from the mapped bytes at its documented offset. */
    private long tailPosition() {
        return buffer.getLongAcquire(ShmFileDescriptor.TAIL_POSITION_OFFSET);
    }

    private RingWriter lockedWriter() {
        RingWriter writer = new RingWriter(buffer, ringSize, LIVE_PID);
        assertTrue(writer.tryLockWriter());
        return writer;
    }

    private static void writeAndPublish(RingWriter writer, int slot, int incarnation, ByteBuffer payload) {
        int at = writer.claim(slot, incarnation, payload.remaining());
        assertNotEquals(RingWriter.INSUFFICIENT_CAPACITY, at);
        writer.putPayload(at, payload, 0, payload.remaining());
        writer.publishRelease();
    }

    /**
     * Writes and publishes up to {@code batch} records after the {@code written} so far, each of
     * {@link #wrappingSize}, stopping at a full ring; the count written in all.
     */
    private long writeRound(RingWriter writer, long written, int batch) {
        for (int i = 0; i < batch; i++) {
            int size = wrappingSize(written);
            int at = writer.claim(0, 1, size);
            if (at == RingWriter.INSUFFICIENT_CAPACITY) {
                break;
            }
            writer.putPayload(at, payload(written, size), 0, size);
            writer.publishRelease();
            written++;
        }
        return written;
    }

    /** How a wrap-around test reads: from record {@code read} up to {@code target}, checking each; returns the count read in all. */
    @FunctionalInterface
    private interface RoundReader {
        long readUpTo(long read, long target, int round);
    }

    /**
     * Two thousand rounds of writing 1-7 records of {@link #wrappingSize} and reading all but the
     * last 0-2 of those written, the ring wrapping many times.
     */
    private void wrapManyTimes(RoundReader rounds) {
        RingWriter writer = lockedWriter();
        long written = 0;
        long read = 0;
        for (int round = 0; round < 2_000; round++) {
            written = writeRound(writer, written, 1 + round % 7);
            read = rounds.readUpTo(read, written - round % 3, round);
        }
        assertTrue(tailPosition() > 20L * ringSize, "wrapped many times");
    }

    /** Record {@code seq}'s size: sizes that do not divide the ring, so records land across its end and padding is needed. */
    private static int wrappingSize(long seq) {
        return 1 + (int) (seq * 13 % MAX_MESSAGE_BYTES);
    }

    private static ByteBuffer payload(long seq, int size) {
        ByteBuffer b = ByteBuffer.allocate(size);
        for (int i = 0; i < size; i++) {
            b.put(i, (byte) (seq * 31 + i));
        }
        return b;
    }

    private void assertPayload(long seq, int size) {
        for (int i = 0; i < size; i++) {
            assertEquals((byte) (seq * 31 + i), into.get(i), "seq=" + seq + " byte " + i);
        }
    }
}
