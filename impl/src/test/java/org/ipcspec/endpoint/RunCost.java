package org.ipcspec.endpoint;

import java.nio.ByteBuffer;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.MessageSink;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.Sender;

/**
 * A profiling probe, not a test: the CPU cost per message of the shm transport's send runs and
 * receive runs in ONE thread (the sender fills the ring, then the receiver drains it), so without
 * the cross-core traffic and the scheduling that make two-process figures on a shared machine
 * vary by 2x. Each round drains once into the endpoint's {@link BatchStats} and once into a sink
 * that does nothing, the transport's own cost, the baseline the checks are read against.
 * Prints the lowest ns per message of each over the rounds after a warm-up (the lowest: noise
 * here only adds). docs/performance.md says what it found.
 *
 * <pre>
 *   mvn -q -pl impl test-compile
 *   java -cp impl/target/classes:impl/target/test-classes org.ipcspec.endpoint.RunCost [SIZE [ROUNDS]]
 * </pre>
 */
public final class RunCost {

    private static final int CAPACITY = 4096;
    /** Below capacity: the receiver counts collections in windows, so some stay uncounted. */
    private static final int PER_FILL = CAPACITY - 2 * Runs.MAX_MESSAGES - 256;
    /** The ring is at most 8 MiB: large messages fill at most half of it, so a fill never finds it full. */
    private static final int HALF_RING_BYTES = 4 << 20;
    private static final int WARMUP_ROUNDS = 10;

    private RunCost() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        try (ShmProbeChannel channel = new ShmProbeChannel("ipcspec-runcost-", CAPACITY)) {
            Sender sender = channel.sender();
            Receiver receiver = channel.receiver();
            ByteBuffer into = ByteBuffer.allocate(ChannelSpec.DEFAULT_MAX_MESSAGE_BYTES);
            PayloadRun run = new PayloadRun(1, size);
            long[] next = {1};
            int perFill = Math.min(PER_FILL, HALF_RING_BYTES / (size + 16)); // 16: a record's header
            double send = Double.MAX_VALUE;
            double checked = Double.MAX_VALUE;
            double bare = Double.MAX_VALUE;
            for (int round = 0; round < rounds; round++) {
                BatchStats stats = new BatchStats(100L * perFill);
                long[] nanos = new long[3];
                for (int fill = 0; fill < 100; fill++) {
                    boolean withStats = fill % 2 == 0;
                    nanos[0] += fillRing(sender, run, size, perFill, next);
                    nanos[withStats ? 1 : 2] += drain(receiver, into, withStats ? stats : ShmProbeChannel.NOTHING, stats, perFill);
                }
                if (stats.notIntact() != 0) {
                    throw new IllegalStateException("not intact: " + stats.notIntact());
                }
                if (round >= WARMUP_ROUNDS) {
                    send = Math.min(send, nanos[0] / (100.0 * perFill));
                    checked = Math.min(checked, nanos[1] / (50.0 * perFill));
                    bare = Math.min(bare, nanos[2] / (50.0 * perFill));
                }
            }
            System.out.printf("%d B, ns per message, lowest of %d rounds: send runs %.1f; receive runs into BatchStats %.1f,"
                    + " into a sink that does nothing %.1f (the endpoint's checks: %.1f)%n",
                    size, rounds - WARMUP_ROUNDS, send, checked, bare, checked - bare);
        }
    }

    private static long fillRing(Sender sender, PayloadRun run, int size, int perFill, long[] next) {
        long begin = System.nanoTime();
        for (int sent = 0; sent < perFill; ) {
            int n = sender.sendRun(run.from(next[0], begin), size, Math.min(Runs.MAX_MESSAGES, perFill - sent));
            if (n == 0) {
                throw new IllegalStateException("ring full after " + sent + " of " + perFill);
            }
            sent += n;
            next[0] += n;
        }
        return System.nanoTime() - begin;
    }

    private static long drain(Receiver receiver, ByteBuffer into, MessageSink sink, BatchStats stats, int perFill) {
        long begin = System.nanoTime();
        for (int got = 0; got < perFill; ) {
            int n = receiver.receiveReady(into, sink, Runs.MAX_MESSAGES);
            if (n == 0) {
                throw new IllegalStateException("nothing ready after " + got + " of " + perFill);
            }
            got += n;
            stats.collectedAt(System.nanoTime());
        }
        return System.nanoTime() - begin;
    }
}
