package org.ipcspec.harness.bench;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Everything one benchmark run measured, as plain values, so that a caller (the {@code ipcspec
 * bench} command) can print them beside the profile's thresholds. A figure that could not be
 * measured is an {@link Measured} with the reason instead of a value, never a zero.
 *
 * @param implementation the endpoint's hello ({@code implementation version}), or why it was not seen
 * @param environment    JVM, OS and core count of the machine the figures come from
 * @param throughput     one row per transport and message size
 * @param latency        one row per transport
 * @param startup        start-up of the endpoint command beside a bare JVM
 * @param notes          what was measured, in words, for the reader of the table
 */
public record BenchResult(String implementation, String environment, List<ThroughputRow> throughput,
                          List<LatencyRow> latency, StartupRow startup, List<String> notes,
                          List<ThroughputComparison> throughputComparisons, List<LatencyComparison> latencyComparisons) {

    public BenchResult {
        throughput = List.copyOf(throughput);
        latency = List.copyOf(latency);
        notes = List.copyOf(notes);
        throughputComparisons = List.copyOf(throughputComparisons);
        latencyComparisons = List.copyOf(latencyComparisons);
    }

    /** Without the further baselines. */
    public BenchResult(String implementation, String environment, List<ThroughputRow> throughput, List<LatencyRow> latency,
                       StartupRow startup, List<String> notes) {
        this(implementation, environment, throughput, latency, startup, notes, List.of(), List.of());
    }

    /** True if some figure could not be measured. */
    public boolean hasFailures() {
        return throughput.stream().anyMatch(r -> !r.measured().isOk() || !r.baseline().isOk() && !r.baseline().isAbsent())
                || latency.stream().anyMatch(r -> !r.measured().isOk() || !r.baseline().isOk() && !r.baseline().isAbsent())
                || !startup.endpoint().isOk() || !startup.bareJvm().isOk() && !startup.bareJvm().isAbsent()
                || throughputComparisons.stream().anyMatch(c -> !c.baseline().isOk() && !c.baseline().isAbsent())
                || latencyComparisons.stream().anyMatch(c -> !c.baseline().isOk() && !c.baseline().isAbsent());
    }

    /**
     * One more baseline beside a throughput row of the same transport and size: the raw
     * mechanism with the protocol's per-message work, or a library (Agrona).
     */
    public record ThroughputComparison(String transport, int messageBytes, String baselineName, Measured<Rate> baseline) {
    }

    /**
     * One more round-trip baseline beside a transport's latency row (a raw shm ping-pong, Agrona's).
     *
     * @param medianRatioP50 the median of the implementation's runs' p50 (each run's best batch by
     *                       mean) over the median of the baseline's; empty unless both have runs
     */
    public record LatencyComparison(String transport, int messageBytes, String baselineName, Measured<Percentiles> baseline,
                                    OptionalDouble medianRatioP50) {
    }

    /**
     * A figure or the reason there is none. {@link #absent()} marks a figure that was not asked
     * for (baselines switched off, no baseline for that transport), which is no failure.
     */
    public record Measured<T>(T value, String failure) {

        private static final String ABSENT = "n/a";

        public Measured {
            if ((value == null) == (failure == null)) {
                throw new IllegalArgumentException("exactly one of value and failure: value=" + value + " failure=" + failure);
            }
        }

        public static <T> Measured<T> ok(T value) {
            return new Measured<>(Objects.requireNonNull(value), null);
        }

        public static <T> Measured<T> failed(String why) {
            return new Measured<>(null, Objects.requireNonNull(why));
        }

        public static <T> Measured<T> absent() {
            return new Measured<>(null, ABSENT);
        }

        public boolean isOk() {
            return value != null;
        }

        public boolean isAbsent() {
            return ABSENT.equals(failure);
        }

        public <R> Measured<R> map(Function<T, R> f) {
            return isOk() ? ok(f.apply(value)) : new Measured<>(null, failure);
        }
    }

    /** {@code messages} of {@code messageBytes} each moved in {@code nanos}. */
    public record Rate(long messages, int messageBytes, long nanos) {

        public double messagesPerSecond() {
            return Stats.perSecond(messages, nanos);
        }

        /** Payload bytes only, in 10^6 bytes a second. */
        public double megabytesPerSecond() {
            return Stats.megabytesPerSecond(messages, messageBytes, nanos);
        }
    }

    /** Nearest-rank percentiles of {@code count} durations, in nanoseconds. */
    public record Percentiles(long count, long p50, long p90, long p99, long max, double mean) {
    }

    /**
     * One transport's synchronous round trip.
     *
     * @param perMessage  each send's send_begin..send_end: the sender's {@code send_ns} of the
     *                    unsampled run, or, from an endpoint that does not report it, a run with
     *                    sample_every=1 (whose timed sends include writing the event lines)
     * @param meanNanos   mean of an unsampled run of the same count: (last_t - first_t) / count
     * @param oneWayP50   the receiver's latency_ns p50 (recv_end minus sent_t) of the unsampled run
     * @param oneWayP99   the same, p99
     */
    public record RoundTrip(Percentiles perMessage, double meanNanos, long oneWayP50, long oneWayP99) {
    }

    /**
     * @param measured      the implementation's one-way throughput
     * @param p99LatencyNanos the receiver's {@code latency_ns} p99 of the measured batch (recv_end minus
     *                      sent_t, messages queued behind each other included): the figure a profile's
     *                      {@code max_p99_latency_us} bounds; empty if not measured or not reported
     * @param baselineName  what the baseline is (for instance "raw UDS frames"); "-" if none exists
     * @param medianRatio   the median of the implementation's runs (each its best batch) over the
     *                      median of the baseline's; empty unless both have runs
     */
    public record ThroughputRow(String transport, int messageBytes, Measured<Rate> measured, OptionalLong p99LatencyNanos,
                                String baselineName, Measured<Rate> baseline, OptionalDouble medianRatio) {

        /** Implementation messages/s over baseline messages/s, when both were measured. */
        public OptionalDouble ratio() {
            if (!measured.isOk() || !baseline.isOk()) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(measured.value().messagesPerSecond() / baseline.value().messagesPerSecond());
        }
    }

    /** @param baseline a raw Unix-domain-socket ping-pong of the same message size */
    public record LatencyRow(String transport, int messageBytes, Measured<RoundTrip> measured, Measured<Percentiles> baseline) {
    }

    /** Process start to hello line (first stdout line), in nanoseconds. */
    public record StartupRow(Measured<Percentiles> endpoint, Measured<Percentiles> bareJvm) {

        public OptionalDouble ratio() {
            if (!endpoint.isOk() || !bareJvm.isOk()) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of((double) endpoint.value().p50() / bareJvm.value().p50());
        }
    }
}
