package org.ipcspec.harness.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.ipcspec.harness.bench.BenchResult.LatencyComparison;
import org.ipcspec.harness.bench.BenchResult.LatencyRow;
import org.ipcspec.harness.bench.BenchResult.Measured;
import org.ipcspec.harness.bench.BenchResult.Percentiles;
import org.ipcspec.harness.bench.BenchResult.Rate;
import org.ipcspec.harness.bench.BenchResult.RoundTrip;
import org.ipcspec.harness.bench.BenchResult.StartupRow;
import org.ipcspec.harness.bench.BenchResult.ThroughputComparison;
import org.ipcspec.harness.bench.BenchResult.ThroughputRow;
import org.ipcspec.harness.scenario.AddressRoots;
import org.ipcspec.harness.scenario.Folders;
import org.ipcspec.harness.scenario.Leftovers;
import org.ipcspec.harness.scenario.RunMark;

/**
 * The benchmark: throughput, round-trip latency and start-up of an implementation's endpoints,
 * each beside a plain-Java baseline measured in the same run. Every figure comes from real
 * processes driven over the driver protocol; their channel addresses live in a fresh owner-only
 * temporary folder that is removed at the end, and every process is reaped, on failure too.
 *
 * <p>A measurement that fails (an unbuilt transport, a crashed endpoint, a batch that ends early)
 * becomes a failed figure with its reason, and the run moves on to the next one.
 *
 * <pre>
 *   java -cp &lt;harness classpath&gt; org.ipcspec.harness.bench.Benchmark [--transports shm,socket] [--scale 0.1]
 * </pre>
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
                System.out.println(BenchOptions.USAGE);
                return;
            }
            options = BenchOptions.parse(args, Path.of(""));
        } catch (IllegalArgumentException e) {
            System.err.println("ipcspec bench: " + e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        BenchResult result = run(options);
        System.out.print(BenchTable.render(result));
        System.out.flush();
        System.exit(result.hasFailures() ? 1 : 0);
    }

    /** Runs the benchmark, reporting progress on stderr. */
    public static BenchResult run(BenchOptions options) {
        return run(options, line -> System.err.println("[bench] " + line));
    }

    /** Runs the benchmark; {@code progress} hears what is being measured as it starts. */
    public static BenchResult run(BenchOptions options, Consumer<String> progress) {
        Leftovers.sweepOnce();
        Path directory = createPrivateDirectory(options.tempParent());
        Path sharedMemory = createPrivateDirectory(AddressRoots.forTransport("shm", options.tempParent()));
        try {
            return new Run(options, progress, directory, sharedMemory).all();
        } finally {
            deleteRecursively(directory);
            deleteRecursively(sharedMemory);
        }
    }

    /** One run's state: the folder, the baselines already measured (one per kind and size), the hello seen. */
    private static final class Run {

        /** A throughput batch is better the shorter its one-way time; a round-trip batch, the lower its mean. */
        private static final Comparator<EndpointPair.Batch> FASTEST_BATCH =
                Comparator.comparingLong(EndpointPair.Batch::oneWayNanos);
        private static final Comparator<RoundTrip> LOWEST_MEAN = Comparator.comparingDouble(RoundTrip::meanNanos);

        private final BenchOptions options;
        private final Consumer<String> progress;
        private final Path directory;
        private final Path sharedMemory;
        private final Baselines baselines;
        private Measured<Percentiles> pingBaseline;
        private final List<ThroughputComparison> throughputComparisons = new ArrayList<>();
        private final List<LatencyComparison> latencyComparisons = new ArrayList<>();
        private String implementation;
        private String helloFailure;
        private int measurement;

        Run(BenchOptions options, Consumer<String> progress, Path directory, Path sharedMemory) {
            this.options = options;
            this.progress = progress;
            this.directory = directory;
            this.sharedMemory = sharedMemory;
            this.baselines = new Baselines(directory, sharedMemory);
        }

        BenchResult all() {
            List<ThroughputRow> throughput = new ArrayList<>();
            for (String transport : options.transports()) {
                for (int size : options.sizes()) {
                    throughput.add(throughputRow(transport, size));
                }
            }
            List<LatencyRow> latency = new ArrayList<>();
            for (String transport : options.transports()) {
                latency.add(latencyRow(transport));
            }
            StartupRow startup = startupRow();
            List<String> notes = List.of("endpoint command: " + String.join(" ", options.command()),
                    "channel addresses in: " + options.tempParent() + " (" + fileSystem(options.tempParent()) + "); shm ones in "
                            + sharedMemory.getParent() + " (" + fileSystem(sharedMemory) + "), as the conformance suite does");
            String seen = implementation != null ? implementation : "(no endpoint said hello)";
            return new BenchResult(seen, environment(), throughput, latency, startup, notes, throughputComparisons, latencyComparisons);
        }

        private ThroughputRow throughputRow(String transport, int size) {
            long count = options.throughputCount(transport, size);
            // Each run a fresh pair of endpoints, as each baseline run is a fresh pair of JVMs, the
            // runs of the endpoints and of the baselines in turns (BestOf says why); the fastest batch wins.
            BestOf<EndpointPair.Batch> endpoints = new BestOf<>(() -> measure(transport, pair -> {
                String channel = "t" + size;
                pair.open(channel, transport, address(transport, channel), "async", "sync", BenchOptions.CAPACITY);
                // Untimed batches first, at least two and for at least WARMUP: the reference's send_many
                // and receive_many loops reached their steady rate only after a few million 64 B
                // messages, 0.3-0.7x of it before, while both JVMs' compiler threads took turns on the
                // two cores with the endpoints' spinning ones (1-2 s of C2 compilation per endpoint);
                // and the first message of the second batch meets paths the first batch's compiled code
                // never took (a new batch's first sender, the previous batch's last record), whose
                // uncommon traps deoptimised the receive loop for much of the first timed batch.
                long first = warmUp(pair, channel, count, size);
                return best(i -> pair.batch(channel, first + i * count, count, size, 0), FASTEST_BATCH);
            }), FASTEST_BATCH);
            List<BaselineRuns<Rate>> baselineRuns = options.baselines() ? throughputBaselines(transport, size) : List.of();
            progress.accept(transport + " " + BenchTable.size(size) + ": one-way throughput of " + count + " messages"
                    + turns(baselineRuns));
            inTurns(endpoints, baselineRuns);

            Measured<EndpointPair.Batch> best = endpoints.result();
            Function<EndpointPair.Batch, Rate> rateOf = batch -> new Rate(count, size, batch.oneWayNanos());
            Measured<Rate> measured = best.map(rateOf);
            OptionalLong p99 = OptionalLong.empty();
            if (best.isOk()) {
                var latency = best.value().received().path("latency_ns").path("p99");
                p99 = latency.canConvertToLong() ? OptionalLong.of(latency.asLong()) : OptionalLong.empty();
            }
            report(measured);
            baselineRuns.forEach(b -> report(b.runs().result()));
            spread("endpoints", endpoints, batch -> rate(rateOf.apply(batch).messagesPerSecond()));
            baselineRuns.forEach(b -> spread(b.name(), b.runs(), r -> rate(r.messagesPerSecond())));
            if (baselineRuns.isEmpty()) {
                return new ThroughputRow(transport, size, measured, p99, "-", Measured.absent(), OptionalDouble.empty());
            }
            // The first is the row's own baseline, the raw transport; the others go to the comparisons.
            for (BaselineRuns<Rate> more : baselineRuns.subList(1, baselineRuns.size())) {
                throughputComparisons.add(new ThroughputComparison(transport, size, more.name(), more.runs().result()));
            }
            BaselineRuns<Rate> raw = baselineRuns.get(0);
            return new ThroughputRow(transport, size, measured, p99, raw.name(), raw.runs().result(),
                    ratioOfMedians(endpoints.values().stream().map(batch -> rateOf.apply(batch).messagesPerSecond()).toList(),
                            raw.runs().values().stream().map(Rate::messagesPerSecond).toList()));
        }

        /**
         * The median of the implementation's runs' figures over the median of a baseline's: steadier
         * than the ratio of the bests, which follows whichever side drew the machine's luckiest run
         * (a raw ping-pong once drew a p50 of 0.11 us among runs of 0.53-0.78, and the ratio of the
         * bests read 6.04). Empty unless both have runs.
         */
        private static OptionalDouble ratioOfMedians(List<Double> runs, List<Double> baselineRuns) {
            OptionalDouble median = Stats.median(runs);
            OptionalDouble baselineMedian = Stats.median(baselineRuns);
            if (median.isEmpty() || baselineMedian.isEmpty()) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(median.getAsDouble() / baselineMedian.getAsDouble());
        }

        /** A baseline's runs: its name in the tables, the messages of each run, and its best so far. */
        private record BaselineRuns<T>(String name, long count, BestOf<T> runs) {
        }

        /** The transport's raw baseline first, then the others a ratio is read against; none for an unknown transport. */
        private List<BaselineRuns<Rate>> throughputBaselines(String transport, int size) {
            long n = transport.equals("file") ? options.spoolBaselineCount(size) : options.baselineCount(size);
            return switch (transport) {
                case "shm" -> List.of(
                        oneWay(Baselines.RING_NAME, n, () -> baselines.ringThroughput(size, n, false)),
                        oneWay(Baselines.RING_NAME + Baselines.PROTOCOL_SUFFIX, n, () -> baselines.ringThroughput(size, n, true)),
                        oneWay(Baselines.AGRONA_NAME, n, () -> baselines.agronaThroughput(size, n)));
                case "socket" -> List.of(
                        oneWay(Baselines.SOCKET_NAME, n, () -> baselines.socketThroughput(size, n, false)),
                        oneWay(Baselines.SOCKET_NAME + Baselines.PROTOCOL_SUFFIX, n, () -> baselines.socketThroughput(size, n, true)));
                case "file" -> List.of(
                        oneWay(Baselines.SPOOL_NAME, n, () -> baselines.spoolThroughput(size, n, false)),
                        oneWay(Baselines.SPOOL_NAME + Baselines.PROTOCOL_SUFFIX, n, () -> baselines.spoolThroughput(size, n, true)));
                default -> List.of();
            };
        }

        private static BaselineRuns<Rate> oneWay(String name, long count, Supplier<Measured<Rate>> run) {
            return new BaselineRuns<>(name, count, new BestOf<>(run, Comparator.comparingDouble(Rate::messagesPerSecond).reversed()));
        }

        private static BaselineRuns<Percentiles> pingPong(String name, long count, Supplier<Measured<Percentiles>> run) {
            return new BaselineRuns<>(name, count, new BestOf<>(run, Comparator.comparingDouble(Percentiles::mean)));
        }

        /** The endpoints' runs and the baselines', ROUNDS rounds in turns. */
        private static void inTurns(BestOf<?> endpoints, List<? extends BaselineRuns<?>> baselineRuns) {
            List<BestOf<?>> all = new ArrayList<>(List.of(endpoints));
            baselineRuns.forEach(b -> all.add(b.runs()));
            BestOf.alternate(BenchOptions.ROUNDS, all);
        }

        /** What the endpoints' runs take turns with, for the progress line. */
        private static String turns(List<? extends BaselineRuns<?>> baselineRuns) {
            if (baselineRuns.isEmpty()) {
                return "";
            }
            StringBuilder line = new StringBuilder("; " + BenchOptions.ROUNDS + " rounds, each the endpoints, then");
            for (BaselineRuns<?> b : baselineRuns) {
                line.append(b == baselineRuns.get(0) ? " " : ", ").append(b.name()).append(" (").append(b.count()).append(')');
            }
            return line.toString();
        }

        private LatencyRow latencyRow(String transport) {
            long count = options.latencyCount(transport);
            int size = BenchOptions.LATENCY_BYTES;
            // The best batch by mean of ROUNDS fresh pairs, in turns with the ping-pong baselines, as for throughput.
            BestOf<RoundTrip> endpoints = new BestOf<>(() -> measure(transport, pair -> {
                String channel = "lat";
                pair.open(channel, transport, address(transport, channel), "sync", "sync", 64);
                // Untimed batches first, at least two and for at least WARMUP: with a tenth of a
                // batch the measured round trips shared the two cores with the JIT still compiling,
                // and a side that lost its core for 20 us went from spinning to parking (shm p99
                // 190 us against the raw ring's 2 us); the shm endpoints' p99 settled near 1 us only
                // after some 200,000 round trips (1-2 s).
                long first = warmUp(pair, channel, count, size);
                // Each batch may use two batches' seqs (roundTrip).
                return best(i -> roundTrip(pair, channel, first + 2 * i * count, count, size), LOWEST_MEAN);
            }), LOWEST_MEAN);
            List<BaselineRuns<Percentiles>> baselineRuns = new ArrayList<>();
            long n = options.pingCount();
            // The UDS ping-pong is every row's baseline: measured once, with the first row.
            if (options.baselines() && pingBaseline == null) {
                baselineRuns.add(pingPong(Baselines.SOCKET_PING_NAME, n, () -> baselines.socketPingPong(size, n)));
            }
            if (options.baselines() && transport.equals("shm")) {
                baselineRuns.add(pingPong(Baselines.RING_PING_NAME, n, () -> baselines.ringPingPong(size, n)));
                baselineRuns.add(pingPong(Baselines.AGRONA_PING_NAME, n, () -> baselines.agronaPingPong(size, n)));
            }
            progress.accept(transport + ": " + count + " synchronous round trips" + turns(baselineRuns));
            inTurns(endpoints, baselineRuns);

            Measured<RoundTrip> measured = endpoints.result();
            report(measured);
            baselineRuns.forEach(b -> report(b.runs().result()));
            spread("endpoints", endpoints, r -> roundTrip(r.perMessage().p50(), r.meanNanos()));
            baselineRuns.forEach(b -> spread(b.name(), b.runs(), p -> roundTrip(p.p50(), p.mean())));
            if (!options.baselines()) {
                return new LatencyRow(transport, size, measured, Measured.absent());
            }
            for (BaselineRuns<Percentiles> b : baselineRuns) {
                if (b.name().equals(Baselines.SOCKET_PING_NAME)) {
                    pingBaseline = b.runs().result();
                } else {
                    latencyComparisons.add(new LatencyComparison(transport, size, b.name(), b.runs().result(),
                            ratioOfMedians(endpoints.values().stream().map(r -> (double) r.perMessage().p50()).toList(),
                                    b.runs().values().stream().map(p -> (double) p.p50()).toList())));
                }
            }
            return new LatencyRow(transport, size, measured, pingBaseline);
        }

        /** Per message send_begin..send_end of a send_many with sample_every=1, for an endpoint without send_ns. */
        private Percentiles sampledSends(EndpointPair pair, String channel, long firstSeq, long count, int size) {
            pair.samples().start(channel);
            long[] sampled;
            try {
                pair.batch(channel, firstSeq, count, size, 1);
            } finally {
                sampled = pair.samples().stop();
            }
            if (sampled.length == 0) {
                throw new EndpointPair.BenchFailure("no send_ns in the synchronous send_many's reply, and no send_begin/send_end"
                        + " events came from a send_many with sample_every=1");
            }
            return Stats.percentiles(sampled);
        }

        /**
         * Untimed batches of {@code count} messages from seq 1, at least {@link BenchOptions#WARMUP_BATCHES}
         * and for at least {@link BenchOptions#WARMUP}, the same for every figure of every implementation.
         *
         * @return the seq the timed batch starts from
         */
        private static long warmUp(EndpointPair pair, String channel, long count, int size) {
            long next = 1;
            long end = System.nanoTime() + BenchOptions.WARMUP.toNanos();
            for (int batch = 0; batch < BenchOptions.WARMUP_BATCHES || System.nanoTime() - end < 0; batch++) {
                pair.batch(channel, next, count, size, 0);
                next += count;
            }
            return next;
        }

        /**
         * {@link BenchOptions#TIMED_BATCHES} timed batches, batch {@code i} made by {@code batch}: the
         * one {@code better} sorts first, as {@link BestOf} picks among runs.
         */
        private static <T> T best(IntFunction<T> batch, Comparator<T> better) {
            T best = null;
            for (int i = 0; i < BenchOptions.TIMED_BATCHES; i++) {
                T timed = batch.apply(i);
                if (best == null || better.compare(timed, best) < 0) {
                    best = timed;
                }
            }
            return best;
        }

        /**
         * One timed batch of {@code count} synchronous round trips from seq {@code first}, and for an
         * endpoint without send_ns one more from {@code first + count}.
         */
        private RoundTrip roundTrip(EndpointPair pair, String channel, long first, long count, int size) {
            EndpointPair.Batch plain = pair.batch(channel, first, count, size, 0);
            var oneWay = plain.received().path("latency_ns");
            // The send_ns of the unsampled run, not events of a sampled one: with sample_every=1
            // each send is preceded and followed by an event line, and while the endpoint writes
            // them the other side's wait passes from spinning to parking, so those percentiles
            // measured the parking (shm p50 98 us against a mean of 6 us), not the channel.
            Percentiles perMessage;
            try {
                perMessage = Stats.sendDurations(plain.sent().get("send_ns"), count, (double) plain.sendNanos() / count)
                            .orElseGet(() -> sampledSends(pair, channel, first + count, count, size));
            } catch (IllegalArgumentException e) {
                throw new EndpointPair.BenchFailure("the sender's send_many reply: " + e.getMessage());
            }
            return new RoundTrip(perMessage, (double) plain.sendNanos() / count, oneWay.path("p50").asLong(-1),
                    oneWay.path("p99").asLong(-1));
        }

        private StartupRow startupRow() {
            if (!options.startup()) {
                return new StartupRow(Measured.absent(), Measured.absent());
            }
            List<StartupTimer.Command> commands = new ArrayList<>();
            commands.add(new StartupTimer.Command("endpoint", options.command(), options.env()));
            if (options.baselines()) {
                commands.add(new StartupTimer.Command("bare-jvm", ForkedProgram.command(HelloBaseline.class, List.of()), Map.of()));
            }
            progress.accept("start-up: " + options.starts() + " starts each of " + commands.size() + " command(s), alternating");
            List<Measured<Percentiles>> timed = StartupTimer.timeAlternating(commands, directory, options.starts());
            timed.forEach(this::report);
            Measured<Percentiles> endpoint = timed.get(0);
            Measured<Percentiles> bare = options.baselines() ? timed.get(1) : Measured.absent();
            return new StartupRow(endpoint, bare);
        }

        private interface Measurement<T> {
            T on(EndpointPair pair);
        }

        /** A fresh pair of endpoints for one measurement, closed (and reaped) whatever happens. */
        private <T> Measured<T> measure(String transport, Measurement<T> measurement) {
            if (helloFailure != null) {
                return Measured.failed(helloFailure + " (as before; not retried)");
            }
            EndpointPair started;
            try {
                started = EndpointPair.start(options.command(), options.env(), directory);
            } catch (RuntimeException e) {
                // An endpoint that cannot say hello will not say it for the next row either.
                helloFailure = e.getMessage();
                return Measured.failed(helloFailure);
            }
            try (EndpointPair pair = started) {
                if (implementation == null) {
                    implementation = pair.implementation();
                }
                pair.requireTransport(transport);
                return Measured.ok(measurement.on(pair));
            } catch (RuntimeException e) {
                return Measured.failed(e.getMessage());
            }
        }

        /** A fresh address for each measurement, so no channel is reused across pairs. */
        private Path address(String transport, String channel) {
            Path parent = transport.equals("shm") ? sharedMemory : directory;
            return parent.resolve(transport + "-" + channel + "-" + (++measurement));
        }

        /**
         * One progress line with every run of a measurement, in order: the table shows the best, and
         * a reader judging a ratio wants to see how far the runs it was taken from spread.
         */
        private <T> void spread(String name, BestOf<T> runs, Function<T, String> figure) {
            List<T> values = runs.values();
            if (values.size() > 1) {
                progress.accept("  " + name + ", each run's best batch: " + values.stream().map(figure).collect(Collectors.joining(", ")));
            }
        }

        private static String rate(double messagesPerSecond) {
            return messagesPerSecond >= 1e6 ? BenchTable.fixed(messagesPerSecond / 1e6, 2) + " M/s" : BenchTable.grouped(messagesPerSecond) + "/s";
        }

        private static String roundTrip(long p50Nanos, double meanNanos) {
            return "p50 " + BenchTable.fixed(p50Nanos / 1e3, 2) + " mean " + BenchTable.fixed(meanNanos / 1e3, 2) + " us";
        }

        private void report(Measured<?> outcome) {
            if (!outcome.isOk() && !outcome.isAbsent()) {
                progress.accept("  failed: " + outcome.failure());
            }
        }
    }

    static String fileSystem(Path path) {
        try {
            return Files.getFileStore(path).type();
        } catch (IOException e) {
            return "file system unknown";
        }
    }

    static String environment() {
        return "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")
                + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }

    /**
     * The parent folder of every address (docs/protocol.md#precise-points: the harness creates it,
     * owner-only), marked with this run so that a later run removes it if this one is killed ({@link Leftovers}).
     */
    static Path createPrivateDirectory(Path parent) {
        try {
            Path directory = Files.createTempDirectory(parent, "ipcspec-bench-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            RunMark.current().writeInto(directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the benchmark's temporary folder: " + e.getMessage(), e);
        }
    }

    static void deleteRecursively(Path directory) {
        try {
            Folders.deleteTree(directory, false);
        } catch (IOException e) {
            System.err.println(String.format(Locale.ROOT, "[bench] could not remove %s: %s", directory, e.getMessage()));
        }
    }
}
