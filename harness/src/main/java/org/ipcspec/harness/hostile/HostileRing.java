package org.ipcspec.harness.hostile;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes one corrupt record into an shm channel's ring, as a writer would write a good one
 * (docs/wire-formats.md, "A write, step by step"): take the writer lock, write the record below
 * the tail, publish it by moving the tail with release, free the lock. Written from that page
 * alone, independent of the reference implementation. The harness calls it between steps, while
 * the scenario's sender is idle, so the lock is free; it is taken all the same, as the format asks.
 */
final class HostileRing {

    /** Offsets of the header (docs/wire-formats.md#the-file). */
    static final int MAGIC = 0x4D535049;
    static final int HEADER = 8192;
    static final int RING_SIZE = 12;
    static final int MAX_MESSAGE_BYTES = 20;
    static final int TAIL = 384;
    static final int HEAD = 512;
    static final int WRITER_LOCK = 640;
    static final int MESSAGE = 1;
    static final int PAYLOAD = 64;

    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private HostileRing() {
    }

    /** @return what was written, for the scenario's report */
    static String write(Path address, HostileWrite what) throws IOException {
        try (FileChannel file = FileChannel.open(address, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            MappedByteBuffer map = file.map(FileChannel.MapMode.READ_WRITE, 0, file.size());
            map.order(ByteOrder.LITTLE_ENDIAN);
            if (map.getInt(0) != MAGIC) {
                throw new IOException("not an shm channel file (magic " + Integer.toHexString(map.getInt(0)) + "): " + address);
            }
            int ringSize = map.getInt(RING_SIZE);
            int maxMessageBytes = map.getInt(MAX_MESSAGE_BYTES);
            long pid = ProcessHandle.current().pid();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!LONGS.compareAndSet(map, WRITER_LOCK, 0L, pid)) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the writer lock of " + address + " stayed taken (by pid " + (long) LONGS.getVolatile(map, WRITER_LOCK) + ")");
                }
                Thread.onSpinWait();
                Thread.yield();
            }
            try {
                long tail = (long) LONGS.getAcquire(map, TAIL);
                long head = (long) LONGS.getAcquire(map, HEAD);
                int n = align8(16 + PAYLOAD);
                int i = (int) (tail & (ringSize - 1));
                if (i + n > ringSize || tail + n - head > ringSize) {
                    throw new IOException("no room for the hostile record at ring offset " + i + " (tail " + tail + ", head " + head
                            + ", ring " + ringSize + "); the scenario writes it into a ring its receiver has emptied");
                }
                int length = 16 + PAYLOAD;
                int type = MESSAGE;
                int slot = 0;
                String lie;
                switch (what) {
                    case RING_BAD_LENGTH -> {
                        length = 16 + maxMessageBytes + 8;
                        lie = "length=" + length + " with max_message_bytes=" + maxMessageBytes;
                    }
                    case RING_BAD_TYPE -> {
                        type = 7;
                        lie = "type=7";
                    }
                    case RING_BAD_SLOT -> {
                        slot = 99;
                        lie = "slot=99";
                    }
                    default -> throw new IllegalArgumentException(what + " is not an shm record");
                }
                int at = HEADER + i;
                map.putInt(at, length).putInt(at + 4, type).putInt(at + 8, slot).putInt(at + 12, 0);
                map.put(at + 16, HostilePayload.of(PAYLOAD));
                LONGS.setRelease(map, TAIL, tail + n);   // published
                return "an shm record at ring offset " + i + " (position " + tail + "), " + n + " bytes published, " + lie
                        + ", carrying a generated payload of sender " + HostileWrite.SENDER_ID + " seq " + HostileWrite.SEQ;
            } finally {
                LONGS.setRelease(map, WRITER_LOCK, 0L);
            }
        }
    }

    static int align8(int n) {
        return (n + 7) & ~7;
    }
}
