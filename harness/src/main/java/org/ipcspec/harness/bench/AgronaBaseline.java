package org.ipcspec.harness.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.agrona.BitUtil;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * The library people use for this: Agrona's {@link OneToOneRingBuffer} in a memory-mapped file
 * between two JVMs, with room for {@link MappedRingBaseline#SLOTS} records of the message size
 * (rounded up to a power of two, as Agrona wants). The consumer copies each payload out, as a
 * receive must; nothing else. Bench only: the endpoint jar never sees Agrona. On Java 17 the JVM
 * needs {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} ({@link #JVM_OPTIONS}).
 *
 * <pre>
 *   consumer FILE SIZE UNTIMED COUNT  creates the file, hello, reads UNTIMED batches of COUNT, then
 *                                     TIMED_BATCHES; result: last_t of each
 *   producer FILE SIZE UNTIMED COUNT  maps it, hello; before each batch waits until all are read;
 *                                     result: first_t of each timed one
 *   echo FILE SIZE                    creates FILE and FILE.back, hello, answers each message
 *   ping FILE SIZE WARMUP COUNT       COUNT timed round trips after WARMUP; result: percentiles in ns
 * </pre>
 * Both wait by spinning, then yielding (as the raw one-way loops do).
 */
public final class AgronaBaseline {

    static final java.util.List<String> JVM_OPTIONS = java.util.List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED");
    static final int MESSAGE_TYPE = 1;

    private AgronaBaseline() {
    }

    static int capacity(int size, int slots) {
        int record = BitUtil.align(8 + size, 8);
        return BitUtil.findNextPositivePowerOfTwo(slots * record) + RingBufferDescriptor.TRAILER_LENGTH;
    }

    public static void main(String[] args) throws IOException {
        String role = args[0];
        Path file = Path.of(args[1]);
        int size = Integer.parseInt(args[2]);
        int oneWay = capacity(size, MappedRingBaseline.SLOTS);
        int ping = capacity(size, MappedRingBaseline.PING_SLOTS);
        switch (role) {
            case "consumer" -> consume(ring(file, oneWay, true), size, Integer.parseInt(args[3]), Long.parseLong(args[4]));
            case "producer" -> produce(ring(file, oneWay, false), size, Integer.parseInt(args[3]), Long.parseLong(args[4]));
            case "echo" -> echo(ring(file, ping, true), ring(back(file), ping, true), size);
            case "ping" -> ping(ring(file, ping, false), ring(back(file), ping, false), size, Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("unknown role: role=" + role);
        }
    }

    private static Path back(Path file) {
        return file.resolveSibling(file.getFileName() + ".back");
    }

    private static OneToOneRingBuffer ring(Path file, int length, boolean create) throws IOException {
        if (create) {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(length);
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, length);
            return new OneToOneRingBuffer(new UnsafeBuffer(mapped));
        }
    }

    /** Copies each message out into a byte array. */
    private static final class CopyOut implements MessageHandler {
        final byte[] payload;
        long seen;

        CopyOut(int size) {
            payload = new byte[size];
        }

        @Override
        public void onMessage(int type, org.agrona.MutableDirectBuffer buffer, int index, int length) {
            if (length != payload.length) {
                throw new IllegalStateException("bad message: length=" + length + " expected=" + payload.length);
            }
            buffer.getBytes(index, payload, 0, length);
            seen++;
        }
    }

    private static void consume(OneToOneRingBuffer ring, int size, int untimed, long count) throws IOException {
        BaselineLines.hello("agrona-consumer");
        CopyOut handler = new CopyOut(size);
        BaselineLines.result("last_t", TimedBatches.ends(untimed, count, batch -> { }, first -> read(ring, handler, first + count)));
    }

    /**
     * Reads until {@code total} messages have been seen in all. A read cannot take more: the
     * producer writes a batch only once the ring is empty, so the ring never holds messages of two.
     */
    private static void read(OneToOneRingBuffer ring, CopyOut handler, long total) {
        int spins = 0;
        while (handler.seen < total) {
            if (ring.read(handler) == 0) {
                spins = BaselineLines.idle(spins);
            } else {
                spins = 0;
            }
        }
    }

    private static void produce(OneToOneRingBuffer ring, int size, int untimed, long count) throws IOException {
        BaselineLines.hello("agrona-producer");
        UnsafeBuffer payload = payload(size);
        BaselineLines.result("first_t", TimedBatches.starts(untimed, count, batch -> {
            int spins = 0;
            while (ring.consumerPosition() < ring.producerPosition()) {
                spins = BaselineLines.idle(spins);
            }
        }, first -> write(ring, payload, size, count)));
    }

    private static UnsafeBuffer payload(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 7);
        }
        return new UnsafeBuffer(ByteBuffer.wrap(bytes));
    }

    private static void write(OneToOneRingBuffer ring, UnsafeBuffer payload, int size, long messages) {
        int spins = 0;
        for (long i = 0; i < messages; i++) {
            while (!ring.write(MESSAGE_TYPE, payload, 0, size)) {
                spins = BaselineLines.idle(spins);
            }
            spins = 0;
        }
    }

    private static void echo(OneToOneRingBuffer in, OneToOneRingBuffer out, int size) {
        BaselineLines.exitAtEndOfInput();
        BaselineLines.hello("agrona-echo");
        CopyOut handler = new CopyOut(size);
        UnsafeBuffer reply = new UnsafeBuffer(handler.payload);
        int spins = 0;
        while (true) {
            if (in.read(handler, 1) == 0) {
                spins = BaselineLines.idle(spins);
                continue;
            }
            spins = 0;
            while (!out.write(MESSAGE_TYPE, reply, 0, size)) {
                spins = BaselineLines.idle(spins);
            }
        }
    }

    private static void ping(OneToOneRingBuffer out, OneToOneRingBuffer in, int size, int warmup, int count) throws IOException {
        BaselineLines.hello("agrona-ping");
        UnsafeBuffer payload = payload(size);
        CopyOut handler = new CopyOut(size);
        long[] nanos = RoundTrips.time(warmup, count, () -> {
            int spins = 0;
            while (!out.write(MESSAGE_TYPE, payload, 0, size)) {
                spins = BaselineLines.idle(spins);
            }
            spins = 0;
            while (in.read(handler, 1) == 0) {
                spins = BaselineLines.idle(spins);
            }
        });
        BaselineLines.percentiles(Stats.percentiles(nanos));
    }
}
