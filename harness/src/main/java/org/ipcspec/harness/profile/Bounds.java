package org.ipcspec.harness.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The timing bounds and performance thresholds that checkers hold an implementation to. All bounds
 * are generous on purpose: timing rules rest on causal order, the bounds only catch what is
 * clearly wrong (a call that blocks when it must not, a timeout that fires much too late).
 *
 * @param nonBlockingMs      a call that must not block returns within this
 * @param blockedMs          a call counts as blocked once it has not returned for this long
 * @param crashMs            after a kill, the peer learns of it within this
 * @param startMs            a started endpoint writes hello within this
 * @param timeoutToleranceMs a timeout may fire this much before timeout_ms (clock granularity)
 * @param thresholds         transport to message size to threshold
 */
public record Bounds(long nonBlockingMs, long blockedMs, long crashMs, long startMs, long timeoutToleranceMs,
                     Map<String, Map<Integer, Threshold>> thresholds) {

    public static final long DEFAULT_START_MS = 10_000;
    public static final long DEFAULT_TIMEOUT_TOLERANCE_MS = 10;

    public Bounds {
        Map<String, Map<Integer, Threshold>> copy = new LinkedHashMap<>();
        thresholds.forEach((t, bySize) -> copy.put(t, Collections.unmodifiableMap(new TreeMap<>(bySize))));
        thresholds = Collections.unmodifiableMap(copy);
    }

    /** Timing bounds with default start bound and tolerance, and no thresholds. */
    public static Bounds of(long nonBlockingMs, long blockedMs, long crashMs) {
        return new Bounds(nonBlockingMs, blockedMs, crashMs, DEFAULT_START_MS, DEFAULT_TIMEOUT_TOLERANCE_MS, Map.of());
    }

    /** A copy with one more threshold. */
    public Bounds withThreshold(String transport, int size, Threshold threshold) {
        Map<String, Map<Integer, Threshold>> copy = new LinkedHashMap<>(thresholds);
        Map<Integer, Threshold> bySize = new TreeMap<>(copy.getOrDefault(transport, Map.of()));
        bySize.put(size, threshold);
        copy.put(transport, bySize);
        return new Bounds(nonBlockingMs, blockedMs, crashMs, startMs, timeoutToleranceMs, copy);
    }

    public Optional<Threshold> threshold(String transport, long size) {
        Map<Integer, Threshold> bySize = thresholds.get(transport);
        return bySize == null || size > Integer.MAX_VALUE ? Optional.empty()
                : Optional.ofNullable(bySize.get((int) size));
    }

    public long nonBlockingNanos() {
        return nonBlockingMs * 1_000_000L;
    }

    public long blockedNanos() {
        return blockedMs * 1_000_000L;
    }

    public long crashNanos() {
        return crashMs * 1_000_000L;
    }

    public long timeoutToleranceNanos() {
        return timeoutToleranceMs * 1_000_000L;
    }
}
