package org.ipcspec.harness.profile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Latency percentile bounds from a profile ({@code latency:}, {@code round_trip:} or
 * {@code request_reply:} of a threshold, docs/profiles.md), in microseconds; a null bound is not checked, at least one is set.
 *
 * @param ratePerSecond the offered rate of a paced run ({@code latency:}), or null (the round trips)
 */
public record LatencyBounds(Long ratePerSecond, Double maxP50Micros, Double maxP99Micros, Double maxP999Micros) {

    /** The bounds that are set, by the percentile names of a batch's latency figures (p50, p99, p999). */
    public Map<String, Double> byPercentile() {
        Map<String, Double> out = new LinkedHashMap<>();
        if (maxP50Micros != null) {
            out.put("p50", maxP50Micros);
        }
        if (maxP99Micros != null) {
            out.put("p99", maxP99Micros);
        }
        if (maxP999Micros != null) {
            out.put("p999", maxP999Micros);
        }
        return out;
    }
}
