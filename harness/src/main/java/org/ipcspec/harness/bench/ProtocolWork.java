package org.ipcspec.harness.bench;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The per-message work the driver protocol asks of an endpoint, without any transport, so that a
 * baseline run "with protocol work" costs what the reference endpoint must pay on top of moving
 * bytes (PROTOCOL.md section 4). A sender stamps the clock and writes the generated payload
 * (magic, seq, sender_id, sent_t, filler byte {@code i = (seq * 7 + i) mod 256}); a receiver
 * stamps the clock, checks the magic and every filler byte, keeps the latency sample, checks the
 * order and folds the seq into the CRC-32C digest. The same steps as the reference endpoint's
 * send_many and receive_many, written the same (bulk copy and compare against one pattern).
 */
final class ProtocolWork {

    static final int HEADER_LENGTH = 24;
    static final int MAGIC = ('I' << 24) | ('P' << 16) | ('C' << 8) | '1';

    private final int size;
    /** pattern[k] = (byte) k: every filler is one slice of it, starting at (seq * 7 + 24) mod 256. */
    private final byte[] pattern;
    private final CRC32C crc = new CRC32C();
    private final byte[] seqBytes = new byte[8];
    private long[] latencies = new long[1024];
    private int samples;
    private long lastSeq = -1;
    private long notIntact;
    private long outOfOrder;

    ProtocolWork(int size) {
        if (size < HEADER_LENGTH) {
            throw new IllegalArgumentException("a generated payload has at least " + HEADER_LENGTH + " bytes: size=" + size);
        }
        this.size = size;
        this.pattern = new byte[256 + size];
        for (int k = 0; k < pattern.length; k++) {
            pattern[k] = (byte) k;
        }
    }

    /** Writes the payload of {@code seq} into {@code payload} (a heap buffer of {@code size} bytes), stamped now. */
    void generate(ByteBuffer payload, long seq) {
        payload.putInt(0, MAGIC).putLong(4, seq).putInt(12, 1).putLong(16, System.nanoTime());
        payload.put(HEADER_LENGTH, pattern, fillerStart(seq), size - HEADER_LENGTH);
    }

    /** Checks a collected payload in {@code payload} (a heap buffer of {@code size} bytes) as receive_many does. */
    void check(ByteBuffer payload) {
        long now = System.nanoTime();
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
        if (samples == latencies.length) {
            latencies = Arrays.copyOf(latencies, samples * 2);
        }
        latencies[samples++] = now - payload.getLong(16);
        if (seq < lastSeq) {
            outOfOrder++;
        }
        lastSeq = seq;
        long s = seq;
        for (int i = 7; i >= 0; i--) {
            seqBytes[i] = (byte) s;
            s >>>= 8;
        }
        crc.update(seqBytes, 0, 8);
    }

    private static int fillerStart(long seq) {
        return ((int) (seq * 7) + HEADER_LENGTH) & 0xFF;
    }

    /** Fails the run if a payload was damaged or reordered: a baseline that loses bytes measures nothing. */
    void requireIntact() {
        if (notIntact != 0 || outOfOrder != 0) {
            throw new IllegalStateException("protocol check failed: not_intact=" + notIntact + " out_of_order=" + outOfOrder);
        }
    }

    long digest() {
        return crc.getValue();
    }
}
