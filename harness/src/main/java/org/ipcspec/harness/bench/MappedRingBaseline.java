package org.ipcspec.harness.bench;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The raw shared-memory baseline: a minimal single-producer/single-consumer ring in a
 * memory-mapped file, what plain Java does over the same mechanism as the shm transport, with no
 * protocol, payload generation or checks (the consumer does copy each payload out, as a receive
 * must).
 *
 * <pre>
 *   0                64               128
 *   +----------------+----------------+---------------------------------------------+
 *   | producer pos   | consumer pos   | SLOTS slots of align8(4 + SIZE) bytes:       |
 *   | (long, release)| (long, release)| [length int][payload], slot = pos % SLOTS    |
 *   +----------------+----------------+---------------------------------------------+
 * </pre>
 *
 * Publication rule: a slot below the producer position is complete, because the producer writes
 * the record first and then stores its position with release semantics, and the consumer reads
 * the position with acquire semantics before the record. The consumer hands slots back the same
 * way through its own position. The two positions sit on separate cache lines.
 *
 * <pre>
 *   consumer FILE SIZE WARMUP COUNT   creates the file, hello, consumes; result: last_t
 *   producer FILE SIZE WARMUP COUNT   maps it, hello, produces WARMUP records, waits until they
 *                                     are consumed, result: first_t, then produces COUNT records
 * </pre>
 */
public final class MappedRingBaseline {

    static final int PRODUCER_POSITION_OFFSET = 0;
    static final int CONSUMER_POSITION_OFFSET = 64;
    static final int DATA_OFFSET = 128;
    /** Matches the endpoint runs' capacity. */
    static final int SLOTS = 4096;

    private static final VarHandle POSITION = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private MappedRingBaseline() {
    }

    static int slotBytes(int size) {
        return (4 + size + 7) & ~7;
    }

    public static void main(String[] args) throws IOException {
        String role = args[0];
        Path file = Path.of(args[1]);
        int size = Integer.parseInt(args[2]);
        long warmup = Long.parseLong(args[3]);
        long count = Long.parseLong(args[4]);
        long length = DATA_OFFSET + (long) SLOTS * slotBytes(size);
        switch (role) {
            case "consumer" -> {
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                consume(map(file, length), size, warmup + count);
            }
            case "producer" -> produce(map(file, length), size, warmup, count);
            default -> throw new IllegalArgumentException("unknown role: role=" + role);
        }
    }

    private static MappedByteBuffer map(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, length);
            buffer.order(ByteOrder.nativeOrder());
            return buffer;
        }
    }

    private static void consume(MappedByteBuffer ring, int size, long total) {
        BaselineLines.hello("mmap-consumer");
        int slot = slotBytes(size);
        byte[] payload = new byte[size];
        long tail = 0;
        int spins = 0;
        while (tail < total) {
            long head = (long) POSITION.getAcquire(ring, PRODUCER_POSITION_OFFSET);
            if (head == tail) {
                spins = BaselineLines.idle(spins);
                continue;
            }
            spins = 0;
            for (; tail < head; tail++) {
                int offset = DATA_OFFSET + (int) (tail & (SLOTS - 1)) * slot;
                int length = ring.getInt(offset);
                if (length != size) {
                    throw new IllegalStateException("bad record: length=" + length + " expected=" + size + " pos=" + tail);
                }
                ring.get(offset + 4, payload);
            }
            POSITION.setRelease(ring, CONSUMER_POSITION_OFFSET, tail);
        }
        BaselineLines.result(Map.of("last_t", System.nanoTime()));
    }

    private static void produce(MappedByteBuffer ring, int size, long warmup, long count) {
        BaselineLines.hello("mmap-producer");
        byte[] payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = (byte) (i * 7);
        }
        long head = produce(ring, payload, 0, warmup);
        int spins = 0;
        while ((long) POSITION.getAcquire(ring, CONSUMER_POSITION_OFFSET) < head) {
            spins = BaselineLines.idle(spins);
        }
        long firstT = System.nanoTime();
        produce(ring, payload, head, count);
        BaselineLines.result(Map.of("first_t", firstT));
    }

    /** Writes {@code records} records from position {@code head}; returns the new head. */
    private static long produce(MappedByteBuffer ring, byte[] payload, long head, long records) {
        int slot = slotBytes(payload.length);
        long end = head + records;
        long tailSeen = (long) POSITION.getAcquire(ring, CONSUMER_POSITION_OFFSET);
        int spins = 0;
        while (head < end) {
            if (head - tailSeen >= SLOTS) {
                tailSeen = (long) POSITION.getAcquire(ring, CONSUMER_POSITION_OFFSET);
                if (head - tailSeen >= SLOTS) {
                    spins = BaselineLines.idle(spins);
                    continue;
                }
            }
            spins = 0;
            int offset = DATA_OFFSET + (int) (head & (SLOTS - 1)) * slot;
            ring.putInt(offset, payload.length);
            ring.put(offset + 4, payload);
            head++;
            POSITION.setRelease(ring, PRODUCER_POSITION_OFFSET, head);
        }
        return head;
    }
}
