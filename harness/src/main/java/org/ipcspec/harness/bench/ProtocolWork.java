package org.ipcspec.harness.bench;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The per-message work the driver protocol asks of an endpoint, without any transport, so that a
 * baseline run "with protocol work" costs what the reference endpoint must pay on top of moving
 * bytes (docs/protocol.md#generated-payloads, docs/protocol.md#receive_many). A sender writes the
 * generated payload (magic, seq, sender_id, sent_t, filler byte {@code i = (seq * 7 + i) mod 256});
 * a receiver checks the magic and every filler byte, keeps the latency sample, checks the order
 * and folds the seq into the CRC-32C digest, 64 seqs a CRC call as the endpoint does.
 *
 * <p>Clock readings as docs/protocol.md#clock-readings allows and the reference does: over a
 * transport with runs a sender reads the clock once per {@link #SHARED_READING} payloads, before
 * the first, and a receiver once per at most that many checks, after the last, and whenever its
 * loop is about to wait for more ({@link #runEnded}); otherwise once per message on each side.
 */
final class ProtocolWork {

    static final int HEADER_LENGTH = 24;
    static final int MAGIC = ('I' << 24) | ('P' << 16) | ('C' << 8) | '1';
    /** As the endpoint's runs: the most messages one clock reading stands for. */
    static final int SHARED_READING = 64;

    private final int size;
    /** The most messages one reading stands for: {@link #SHARED_READING}, or 1 where the endpoint has no runs. */
    private final int perReading;
    /** pattern[k] = (byte) k: every filler is one slice of it, starting at (seq * 7 + 24) mod 256. */
    private final byte[] pattern;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer seqs = ByteBuffer.allocate(SHARED_READING * 8);
    private long[] latencies = new long[1024];
    private int samples;
    private final long[] unstamped = new long[SHARED_READING];
    private int unstampedCount;
    private long reading;
    private int readingUses;
    private long lastSeq = -1;
    private long notIntact;
    private long outOfOrder;

    /**
     * @param runs whether the transport moves messages in runs, as the reference's shm and socket
     *             ends do; the file transport sends and collects one message a call, each with
     *             its own clock reading
     */
    ProtocolWork(int size, boolean runs) {
        if (size < HEADER_LENGTH) {
            throw new IllegalArgumentException("a generated payload has at least " + HEADER_LENGTH + " bytes: size=" + size);
        }
        this.size = size;
        this.perReading = runs ? SHARED_READING : 1;
        this.pattern = new byte[256 + size];
        for (int k = 0; k < pattern.length; k++) {
            pattern[k] = (byte) k;
        }
    }

    /** Writes the payload of {@code seq} into {@code payload} (a heap buffer of {@code size} bytes). */
    void generate(ByteBuffer payload, long seq) {
        if (readingUses == 0 || readingUses == perReading) {
            reading = System.nanoTime();
            readingUses = 0;
        }
        readingUses++;
        payload.putInt(0, MAGIC).putLong(4, seq).putInt(12, 1).putLong(16, reading);
        payload.put(HEADER_LENGTH, pattern, fillerStart(seq), size - HEADER_LENGTH);
    }

    /** Checks a collected payload in {@code payload} (a heap buffer of {@code size} bytes) as receive_many does. */
    void check(ByteBuffer payload) {
        if (payload.getInt(0) != MAGIC) {
            notIntact++;
            return;
        }
        long seq = payload.getLong(4);
        int start = fillerStart(seq);
        byte[] array = payload.array();
        int offset = payload.arrayOffset();
        if (Arrays.mismatch(array, offset + HEADER_LENGTH, offset + size, pattern, start, start + size - HEADER_LENGTH) != -1) {
            notIntact++;
        }
        unstamped[unstampedCount++] = payload.getLong(16);
        if (seq < lastSeq) {
            outOfOrder++;
        }
        lastSeq = seq;
        seqs.putLong(seq);
        if (!seqs.hasRemaining()) {
            crc.update(seqs.flip());
            seqs.clear();
        }
        if (unstampedCount == perReading) {
            runEnded();
        }
    }

    /** The receiver collected what was there: one clock reading for the messages checked since the last. */
    void runEnded() {
        if (unstampedCount == 0) {
            return;
        }
        long now = System.nanoTime();
        if (samples + unstampedCount > latencies.length) {
            latencies = Arrays.copyOf(latencies, Math.max(latencies.length * 2, samples + unstampedCount));
        }
        for (int i = 0; i < unstampedCount; i++) {
            latencies[samples++] = now - unstamped[i];
        }
        unstampedCount = 0;
    }

    private static int fillerStart(long seq) {
        return ((int) (seq * 7) + HEADER_LENGTH) & 0xFF;
    }

    /** Fails the run if a payload was damaged or reordered: a baseline that loses bytes measures nothing. */
    void requireIntact() {
        runEnded();
        if (notIntact != 0 || outOfOrder != 0) {
            throw new IllegalStateException("protocol check failed: not_intact=" + notIntact + " out_of_order=" + outOfOrder);
        }
    }

    long digest() {
        crc.update(seqs.flip());
        seqs.clear();
        return crc.getValue();
    }
}
