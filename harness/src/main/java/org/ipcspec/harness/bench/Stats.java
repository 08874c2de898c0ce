package org.ipcspec.harness.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import com.fasterxml.jackson.databind.JsonNode;

import org.ipcspec.harness.bench.BenchResult.Percentiles;

/**
 * The arithmetic of the benchmark, kept apart so it can be tested on hand-made numbers.
 * Percentiles are nearest-rank, as docs/protocol.md#receive_many asks of the endpoint's {@code latency_ns}, so the
 * harness's figures and the endpoint's own are computed the same way.
 */
final class Stats {

    static final double NANOS_PER_SECOND = 1e9;
    /** MB/s counts payload bytes in units of 10^6 bytes (not MiB). */
    static final double BYTES_PER_MB = 1e6;

    private Stats() {
    }

    /**
     * The nearest-rank percentile of ascending {@code sorted}: the smallest value with at least
     * {@code p} percent of the values at or below it.
     */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values: percentile=" + p);
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: p=" + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    /** The median of {@code values} (the mean of the middle two of an even count); empty when there are none. */
    static OptionalDouble median(List<Double> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return OptionalDouble.of(sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
    }

    /** Count, p50, p90, p99, max and mean of {@code values} (left unchanged). */
    static Percentiles percentiles(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return new Percentiles(sorted.length, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted[sorted.length - 1], sum / sorted.length);
    }

    /**
     * A synchronous sender's own percentiles of its send durations ({@code send_ns} of its
     * send_many reply, docs/protocol.md#send_many): empty when it reports none.
     *
     * @param mean the batch's mean, which {@code send_ns} does not carry
     * @throws IllegalArgumentException when the figures cannot be percentiles (negative, or out of order)
     */
    static Optional<Percentiles> sendDurations(JsonNode sendNs, long count, double mean) {
        if (sendNs == null || !sendNs.isObject() || !sendNs.path("p50").isIntegralNumber()) {
            return Optional.empty();
        }
        long[] figures = new long[4];
        String[] names = {"p50", "p90", "p99", "max"};
        for (int i = 0; i < names.length; i++) {
            JsonNode figure = sendNs.path(names[i]);
            if (!figure.isIntegralNumber() || figure.asLong() < 0 || (i > 0 && figure.asLong() < figures[i - 1])) {
                throw new IllegalArgumentException("send_ns." + names[i] + " is not a percentile of durations: " + figure
                        + " (send_ns=" + sendNs + ")");
            }
            figures[i] = figure.asLong();
        }
        return Optional.of(new Percentiles(count, figures[0], figures[1], figures[2], figures[3], mean));
    }

    static double perSecond(long count, long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("interval must be positive: count=" + count + " nanos=" + nanos);
        }
        return count * NANOS_PER_SECOND / nanos;
    }

    static double megabytesPerSecond(long count, int messageBytes, long nanos) {
        return perSecond(count, nanos) * messageBytes / BYTES_PER_MB;
    }
}
