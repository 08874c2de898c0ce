package org.ipcspec.harness.bench;

import java.util.Arrays;

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
