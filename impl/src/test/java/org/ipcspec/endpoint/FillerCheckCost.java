package org.ipcspec.endpoint;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A profiling probe, not a test: what checking one large filler costs when the message is in a
 * direct buffer (a view of shm memory), the bytes in L1, three ways in one process. Prints ns per
 * check, the lowest of the rounds after a warm-up, and each against the heap compare:
 * <ul>
 *   <li>{@code ByteBuffer.mismatch} in place on the direct buffer (what the receiver did);</li>
 *   <li>{@link Payload#fillerIntact(ByteBuffer, byte[])}: copied out a chunk at a time, compared on the heap;</li>
 *   <li>{@code Arrays.mismatch} of the same bytes already on the heap (the floor: no copy).</li>
 * </ul>
 * On JDK 17 the first runs the Java fallback of {@code ArraysSupport.vectorizedMismatch} (C2
 * intrinsifies it only where both sides are arrays) and costs about what the second does on
 * bytes in L1; the second wins on bytes that come from L3 or another core ({@code RunCost}). On a
 * JDK whose C2 vectorises off-heap compares the first falls to the third: then the copy is no
 * longer worth making.
 *
 * <pre>
 *   mvn -q -pl impl test-compile
 *   java -cp impl/target/classes:impl/target/test-classes org.ipcspec.endpoint.FillerCheckCost [SIZE [ROUNDS]]
 * </pre>
 */
public final class FillerCheckCost {

    private static final int CHECKS = 200_000;
    private static final int WARMUP_ROUNDS = 3;

    private FillerCheckCost() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ByteBuffer heap = ByteBuffer.allocate(size);
        Payload.write(heap, 1, 1, size);
        ByteBuffer direct = ByteBuffer.allocateDirect(size).put(0, heap.array(), 0, size);
        ByteBuffer pattern = ByteBuffer.allocate(size).put(0, heap.array(), 0, size);
        byte[] scratch = new byte[Payload.CHUNK];
        int filler = size - Payload.HEADER_LENGTH;
        ByteBuffer inPlace = direct.slice(Payload.HEADER_LENGTH, filler);
        ByteBuffer against = pattern.slice(Payload.HEADER_LENGTH, filler);
        double[] lowest = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        long differing = 0;
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < CHECKS; i++) {
                differing += inPlace.mismatch(against) >= 0 ? 1 : 0;
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < CHECKS; i++) {
                differing += Payload.fillerIntact(direct, scratch) ? 0 : 1;
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < CHECKS; i++) {
                differing += Arrays.mismatch(heap.array(), Payload.HEADER_LENGTH, size, pattern.array(), Payload.HEADER_LENGTH, size) >= 0 ? 1 : 0;
            }
            long t3 = System.nanoTime();
            if (round >= WARMUP_ROUNDS) {
                lowest[0] = Math.min(lowest[0], (t1 - t0) / (double) CHECKS);
                lowest[1] = Math.min(lowest[1], (t2 - t1) / (double) CHECKS);
                lowest[2] = Math.min(lowest[2], (t3 - t2) / (double) CHECKS);
            }
        }
        if (differing != 0) {
            throw new IllegalStateException("an intact filler did not check out: " + differing);
        }
        System.out.printf("%d B, ns per filler check, lowest of %d rounds: in place on a direct buffer %.1f (%.2fx),"
                + " copied out and compared on the heap %.1f (%.2fx), on the heap already %.1f (1x)%n",
                size, rounds - WARMUP_ROUNDS, lowest[0], lowest[0] / lowest[2], lowest[1], lowest[1] / lowest[2], lowest[2]);
    }
}
