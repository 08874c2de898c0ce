package org.ipcspec.harness.report;

import java.util.List;
import java.util.Objects;

/**
 * Measured latency percentiles of one transport and message size, in nanoseconds, as a
 * {@code receive_many} batch reports them ({@code latency_ns: {p50,p90,p99,p999,max}}).
 *
 * @param name what was measured, e.g. "shm 64 B"
 */
public record LatencySeries(String name, long p50Ns, long p90Ns, long p99Ns, long p999Ns, long maxNs) {

    /** The percentile names, in the order of {@link #values()}. */
    public static final List<String> PERCENTILES = List.of("p50", "p90", "p99", "p999", "max");

    public LatencySeries {
        Objects.requireNonNull(name, "name");
    }

    public List<Long> values() {
        return List.of(p50Ns, p90Ns, p99Ns, p999Ns, maxNs);
    }

    /** The value of {@code percentile} ("p50" .. "max"). */
    public long value(String percentile) {
        int i = PERCENTILES.indexOf(percentile);
        if (i < 0) {
            throw new IllegalArgumentException("unknown percentile: percentile=" + percentile + " known=" + PERCENTILES);
        }
        return values().get(i);
    }
}
