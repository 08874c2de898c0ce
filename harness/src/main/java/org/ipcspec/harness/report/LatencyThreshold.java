package org.ipcspec.harness.report;

import java.util.Objects;

/**
 * A latency bound from the implementation's profile: {@code percentile} of {@code series} must
 * not exceed {@code maxNs}.
 *
 * @param series     the {@link LatencySeries#name()} it applies to, or empty for every series
 * @param percentile one of {@link LatencySeries#PERCENTILES}
 */
public record LatencyThreshold(String series, String percentile, long maxNs) {

    public LatencyThreshold {
        series = series == null ? "" : series;
        Objects.requireNonNull(percentile, "percentile");
        if (!LatencySeries.PERCENTILES.contains(percentile)) {
            throw new IllegalArgumentException("unknown percentile: percentile=" + percentile + " known=" + LatencySeries.PERCENTILES);
        }
    }

    boolean appliesTo(LatencySeries s) {
        return series.isEmpty() || series.equals(s.name());
    }
}
