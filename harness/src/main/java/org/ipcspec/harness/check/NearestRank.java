package org.ipcspec.harness.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nearest-rank percentiles as docs/protocol.md#receive_many defines them: the p-th percentile of
 * N sorted samples is the sample of rank ceil(p/100 x N), 1-based, in integers.
 */
final class NearestRank {

    private NearestRank() {
    }

    /** {@code p50, p90, p99, p999, max} of {@code samples} (nanoseconds, as Longs), empty when there are none. */
    static Map<String, Object> summary(List<Long> samples) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (samples.isEmpty()) {
            return out;
        }
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int n = sorted.size();
        int[] permille = {500, 900, 990, 999};
        String[] names = {"p50", "p90", "p99", "p999"};
        for (int i = 0; i < permille.length; i++) {
            long rank = ((long) permille[i] * n + 999) / 1000;
            out.put(names[i], sorted.get((int) Math.max(1, rank) - 1));
        }
        out.put("max", sorted.get(n - 1));
        return out;
    }
}
