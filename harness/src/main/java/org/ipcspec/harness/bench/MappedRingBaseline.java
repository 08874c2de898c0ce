package org.ipcspec.harness.bench;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The raw shared-memory baseline: a minimal single-producer/single-consumer ring in a
 * memory-mapped file, what plain Java does over the same mechanism as the shm transport, with no
 * protocol (the consumer does copy each payload out, as a receive must). With {@code protocol}
 * as the last argument each side also does the protocol's per-message work ({@link ProtocolWork}).
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
 *   consumer FILE SIZE UNTIMED COUNT [protocol]  creates the file, hello, consumes UNTIMED batches
 *                                                of COUNT, then TIMED_BATCHES; result: last_t of each
 *   producer FILE SIZE UNTIMED COUNT [protocol]  maps it, hello; before each batch waits until all
 *                                                are consumed; result: first_t of each timed one
 *   echo FILE SIZE                               creates a file of two rings, hello, answers each record
 *                                                on the first ring with one on the second
 *   ping FILE SIZE WARMUP COUNT                  maps it, hello, COUNT timed round trips after WARMUP;
 *                                                result: percentiles in ns
 * </pre>
 * The ping-pong waits as the reference endpoint does (spin for 20 us, then park: {@link SpinThenPark});
 * the one-way loops spin then yield.
 */
public final class MappedRingBaseline {

    static final int PRODUCER_POSITION_OFFSET = 0;
    static final int CONSUMER_POSITION_OFFSET = 64;
    static final int DATA_OFFSET = 128;
    /** Matches the endpoint runs' capacity. */
    static final int SLOTS = 4096;
    /** The ping-pong's rings: one message in flight. */
    static final int PING_SLOTS = 64;

    private static final VarHandle POSITION = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private MappedRingBaseline() {
    }

    static int slotBytes(int size) {
        return (4 + size + 7) & ~7;
    }

    static long ringBytes(int size, int slots) {
        return DATA_OFFSET + (long) slots * slotBytes(size);
    }

    public static void main(String[] args) throws IOException {
        String role = args[0];
        Path file = Path.of(args[1]);
        int size = Integer.parseInt(args[2]);
        switch (role) {
            case "consumer" -> consume(new Ring(map(file, ringBytes(size, SLOTS), true), 0, size, SLOTS),
                    Integer.parseInt(args[3]), Long.parseLong(args[4]), work(args, size));
            case "producer" -> produce(new Ring(map(file, ringBytes(size, SLOTS), false), 0, size, SLOTS),
                    Integer.parseInt(args[3]), Long.parseLong(args[4]), work(args, size));
            case "echo" -> echo(file, size);
            case "ping" -> ping(file, size, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("unknown role: role=" + role);
        }
    }

    private static ProtocolWork work(String[] args, int size) {
        return args.length > 5 && args[5].equals("protocol") ? new ProtocolWork(size, true) : null;
    }

    private static MappedByteBuffer map(Path file, long length, boolean create) throws IOException {
        if (create) {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, length);
            buffer.order(ByteOrder.nativeOrder());
            return buffer;
        }
    }

    /** One ring at {@code base} in a mapping, with each side's own position and a cached copy of the other's. */
    static final class Ring {
        final ByteBuffer buffer;
        final int base;
        final int size;
        final int slot;
        final int slots;
        long head;
        long tail;
        long otherSeen;

        Ring(ByteBuffer buffer, int base, int size, int slots) {
            this.buffer = buffer;
            this.base = base;
            this.size = size;
            this.slot = slotBytes(size);
            this.slots = slots;
        }

        /** Producer: writes one record if there is room; publishes it. */
        boolean offer(byte[] payload) {
            if (head - otherSeen >= slots) {
                otherSeen = (long) POSITION.getAcquire(buffer, base + CONSUMER_POSITION_OFFSET);
                if (head - otherSeen >= slots) {
                    return false;
                }
            }
            int offset = base + DATA_OFFSET + (int) (head & (slots - 1)) * slot;
            buffer.putInt(offset, payload.length);
            buffer.put(offset + 4, payload);
            head++;
            POSITION.setRelease(buffer, base + PRODUCER_POSITION_OFFSET, head);
            return true;
        }

        /** Consumer: copies the records published so far (at most {@code max}) into {@code payload} one after the other. */
        int poll(byte[] payload, long max, ProtocolWork work, ByteBuffer view) {
            if (tail == otherSeen) {
                otherSeen = (long) POSITION.getAcquire(buffer, base + PRODUCER_POSITION_OFFSET);
                if (tail == otherSeen) {
                    return 0;
                }
            }
            long end = Math.min(otherSeen, tail + max);
            int n = (int) (end - tail);
            for (; tail < end; tail++) {
                int offset = base + DATA_OFFSET + (int) (tail & (slots - 1)) * slot;
                int length = buffer.getInt(offset);
                if (length != size) {
                    throw new IllegalStateException("bad record: length=" + length + " expected=" + size + " pos=" + tail);
                }
                buffer.get(offset + 4, payload);
                if (work != null) {
                    work.check(view);
                }
            }
            POSITION.setRelease(buffer, base + CONSUMER_POSITION_OFFSET, tail);
            return n;
        }
    }

    private static void consume(Ring ring, int untimed, long count, ProtocolWork work) throws IOException {
        BaselineLines.hello("mmap-consumer");
        byte[] payload = new byte[ring.size];
        ByteBuffer view = ByteBuffer.wrap(payload);
        long[] lastT = TimedBatches.ends(untimed, count, batch -> { }, first -> consume(ring, payload, view, work, count));
        if (work != null) {
            work.requireIntact();
        }
        BaselineLines.result("last_t", lastT);
    }

    private static void consume(Ring ring, byte[] payload, ByteBuffer view, ProtocolWork work, long records) {
        long done = 0;
        int spins = 0;
        while (done < records) {
            int n = ring.poll(payload, records - done, work, view);
            if (n == 0) {
                if (work != null) {
                    work.runEnded(); // about to wait: what was collected gets its reading now
                }
                spins = BaselineLines.idle(spins);
                continue;
            }
            spins = 0;
            done += n;
        }
    }

    private static void produce(Ring ring, int untimed, long count, ProtocolWork work) throws IOException {
        BaselineLines.hello("mmap-producer");
        byte[] payload = new byte[ring.size];
        for (int i = 0; i < ring.size; i++) {
            payload[i] = (byte) (i * 7);
        }
        ByteBuffer view = ByteBuffer.wrap(payload);
        long[] firstT = TimedBatches.starts(untimed, count, batch -> {
            int spins = 0;
            while ((long) POSITION.getAcquire(ring.buffer, CONSUMER_POSITION_OFFSET) < ring.head) {
                spins = BaselineLines.idle(spins);
            }
        }, first -> produce(ring, payload, view, work, first, count));
        BaselineLines.result("first_t", firstT);
    }

    private static void produce(Ring ring, byte[] payload, ByteBuffer view, ProtocolWork work, long firstSeq, long records) {
        int spins = 0;
        for (long i = 0; i < records; i++) {
            if (work != null) {
                work.generate(view, firstSeq + i + 1);
            }
            while (!ring.offer(payload)) {
                spins = BaselineLines.idle(spins);
            }
            spins = 0;
        }
    }

    private static void echo(Path file, int size) throws IOException {
        long ringBytes = ringBytes(size, PING_SLOTS);
        MappedByteBuffer mapping = map(file, 2 * ringBytes, true);
        Ring in = new Ring(mapping, 0, size, PING_SLOTS);
        Ring out = new Ring(mapping, (int) ringBytes, size, PING_SLOTS);
        BaselineLines.exitAtEndOfInput();
        BaselineLines.hello("mmap-echo");
        byte[] payload = new byte[size];
        ByteBuffer view = ByteBuffer.wrap(payload);
        SpinThenPark idle = new SpinThenPark();
        while (true) {
            if (in.poll(payload, 1, null, view) == 0) {
                idle.idle();
                continue;
            }
            idle.reset();
            while (!out.offer(payload)) {
                idle.idle();
            }
        }
    }

    private static void ping(Path file, int size, int warmup, int count) throws IOException {
        long ringBytes = ringBytes(size, PING_SLOTS);
        MappedByteBuffer mapping = map(file, 2 * ringBytes, false);
        Ring out = new Ring(mapping, 0, size, PING_SLOTS);
        Ring in = new Ring(mapping, (int) ringBytes, size, PING_SLOTS);
        BaselineLines.hello("mmap-ping");
        byte[] payload = new byte[size];
        ByteBuffer view = ByteBuffer.wrap(payload);
        SpinThenPark idle = new SpinThenPark();
        long[] nanos = RoundTrips.time(warmup, count, () -> {
            while (!out.offer(payload)) {
                idle.idle();
            }
            idle.reset();
            while (in.poll(payload, 1, null, view) == 0) {
                idle.idle();
            }
            idle.reset();
        });
        BaselineLines.percentiles(Stats.percentiles(nanos));
    }
}
