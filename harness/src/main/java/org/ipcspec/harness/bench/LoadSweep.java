package org.ipcspec.harness.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import org.ipcspec.harness.scenario.Leftovers;
import org.ipcspec.harness.scenario.AddressRoots;

/**
 * Latency against offered load, per transport: paced runs ({@code send_many} with {@code rate})
 * from well below capacity up a ladder of rates until the channel no longer keeps up, twice in a
 * row. The knee of the curve is the transport's capacity; below it, latency is the transport's,
 * above it, the queue's (sent_t is the due time, so the queue shows). One pair of endpoints per
 * transport, warmed up once, climbs the whole ladder.
 */
public final class LoadSweep {

    /** Rates tried, messages a second. */
    static final long[] FAST_LADDER = {1_000, 5_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000, 2_000_000, 4_000_000, 8_000_000,
        16_000_000, 32_000_000};
    static final long[] FILE_LADDER = {100, 300, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000};
    /** Each point runs for about this long at its rate. */
    static final double SECONDS_PER_POINT = 1.0;
    static final long MIN_MESSAGES = 100;
    /** Points past the knee before the ladder stops: one may be a hiccup of a busy machine. */
    static final int PAST_KNEE = 2;
    static final int SIZE = 64;

    private LoadSweep() {
    }

    static long[] ladder(String transport) {
        return transport.equals("file") ? FILE_LADDER : FAST_LADDER;
    }

    static long messages(long rate) {
        return Math.max(MIN_MESSAGES, (long) (rate * SECONDS_PER_POINT));
    }

    /** Sweeps each transport of {@code options}; a transport whose endpoints fail gives no points, and says so. */
    public static List<SweepPoint> run(BenchOptions options, Consumer<String> progress) {
        Leftovers.sweepOnce();
        Path directory = Benchmark.createPrivateDirectory(options.tempParent());
        Path sharedMemory = Benchmark.createPrivateDirectory(AddressRoots.forTransport("shm", options.tempParent()));
        List<SweepPoint> points = new ArrayList<>();
        try {
            for (String transport : options.transports()) {
                Path parent = transport.equals("shm") ? sharedMemory : directory;
                try (EndpointPair pair = EndpointPair.start(options.command(), options.env(), directory)) {
                    pair.requireTransport(transport);
                    points.addAll(climb(pair, transport, parent.resolve(transport + "-sweep"), progress));
                } catch (RuntimeException e) {
                    progress.accept(transport + ": latency sweep failed: " + e.getMessage());
                }
            }
        } finally {
            Benchmark.deleteRecursively(directory);
            Benchmark.deleteRecursively(sharedMemory);
        }
        return points;
    }

    private static List<SweepPoint> climb(EndpointPair pair, String transport, Path address, Consumer<String> progress) {
        pair.open("sweep", transport, address, "async", "sync", BenchOptions.CAPACITY);
        long[] ladder = ladder(transport);
        long seq = 1;
        long warmup = messages(ladder[1]);
        pair.batch("sweep", seq, warmup, SIZE, 0, ladder[1]);
        seq += warmup;
        List<SweepPoint> points = new ArrayList<>();
        int pastKnee = 0;
        for (long rate : ladder) {
            long count = messages(rate);
            progress.accept(String.format(java.util.Locale.ROOT, "%s %d B: latency at %,d msg/s offered (%,d messages)", transport, SIZE,
                    rate, count));
            EndpointPair.Batch batch = pair.batch("sweep", seq, count, SIZE, 0, rate);
            seq += count;
            JsonNode latency = batch.received().path("latency_ns");
            double achieved = count * 1e9 / Math.max(1, batch.oneWayNanos());
            SweepPoint point = new SweepPoint(transport, SIZE, rate, achieved, latency.path("p50").asLong(), latency.path("p99").asLong(),
                    latency.path("p999").asLong());
            points.add(point);
            pastKnee = point.keptUp() ? 0 : pastKnee + 1;
            if (pastKnee == PAST_KNEE) {
                break;
            }
        }
        return points;
    }
}
