package org.ipcspec.endpoint;

import java.nio.ByteBuffer;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.Sender;

/**
 * A profiling probe, not a test: an shm stream between two threads of ONE JVM, a sender thread
 * writing send runs and this thread taking receive runs into the endpoint's {@link BatchStats}
 * (or, with {@code nothing}, into a sink that does nothing: the transport alone), as two endpoint
 * processes do but without their start-up, their JIT warm-up and the driver, so that a change to
 * the shm path can be tried in alternating runs within a minute. Where {@link RunCost} gives the
 * CPU cost of a message in one thread, this gives what the cross-core traffic makes of it: at
 * 64 B the two differ by about 2x here. Prints each batch's msg/s; read the later batches (the
 * first two or three still run compiled code that is being replaced). docs/performance.md says
 * what it found.
 *
 * <pre>
 *   mvn -q -pl impl test-compile
 *   java -cp impl/target/classes:impl/target/test-classes org.ipcspec.endpoint.PairCost [SIZE [BATCHES [check|nothing]]]
 * </pre>
 */
public final class PairCost {

    private static final int CAPACITY = 4096;
    private static final long COUNT = 3_000_000;

    private PairCost() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        boolean checked = args.length <= 2 || !args[2].equals("nothing");
        try (ShmProbeChannel channel = new ShmProbeChannel("ipcspec-paircost-", CAPACITY)) {
            Sender sender = channel.sender();
            Receiver receiver = channel.receiver();
            ByteBuffer into = ByteBuffer.allocate(ChannelSpec.DEFAULT_MAX_MESSAGE_BYTES);
            StringBuilder rates = new StringBuilder(size + " B, M msg/s per batch of " + COUNT + ":");
            for (int batch = 0; batch < batches; batch++) {
                long first = 1 + batch * COUNT;
                Thread sending = new Thread(() -> send(sender, size, first), "paircost-sender");
                BatchStats stats = new BatchStats(COUNT);
                sending.start();
                long begin = System.nanoTime();
                for (long got = 0; got < COUNT; ) {
                    int n = receiver.receiveReady(into, checked ? stats : ShmProbeChannel.NOTHING, Runs.MAX_MESSAGES);
                    if (n == 0) {
                        Thread.onSpinWait();
                        continue;
                    }
                    got += n;
                    stats.collectedAt(System.nanoTime());
                }
                long nanos = System.nanoTime() - begin;
                sending.join();
                if (stats.notIntact() != 0) {
                    throw new IllegalStateException("not intact: " + stats.notIntact());
                }
                rates.append(String.format(" %.1f", COUNT * 1e3 / nanos));
            }
            System.out.println(rates);
        }
    }

    /** Sends COUNT generated payloads from {@code first} in runs, spinning while the ring is full. */
    private static void send(Sender sender, int size, long first) {
        PayloadRun run = new PayloadRun(1, size);
        long end = first + COUNT;
        for (long next = first; next < end; ) {
            int n = sender.sendRun(run.from(next, System.nanoTime()), size, (int) Math.min(Runs.MAX_MESSAGES, end - next));
            if (n == 0) {
                Thread.onSpinWait();
                continue;
            }
            next += n;
        }
    }
}
