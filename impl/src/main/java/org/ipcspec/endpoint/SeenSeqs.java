package org.ipcspec.endpoint;

import java.util.Map;
import java.util.TreeMap;

/**
 * The set of {@code seq} values seen from one sender, kept as disjoint closed intervals so that
 * a million in-order arrivals cost one interval, not a million boxed longs. The common case, the
 * next {@code seq} after the highest, only extends the top interval.
 */
final class SeenSeqs {

    /** Interval start to interval end (inclusive), the top interval excluded. */
    private final TreeMap<Long, Long> lower = new TreeMap<>();
    private boolean empty = true;
    private long topStart;
    private long topEnd;

    /** Adds {@code seq}; false if it was already there. */
    boolean add(long seq) {
        if (empty) {
            empty = false;
            topStart = seq;
            topEnd = seq;
            return true;
        }
        if (seq > topEnd) {
            if (seq == topEnd + 1) {
                topEnd = seq;
            } else {
                lower.put(topStart, topEnd);
                topStart = seq;
                topEnd = seq;
            }
            return true;
        }
        if (seq >= topStart) {
            return false;
        }
        if (seq == topStart - 1) {
            topStart = seq;
            Map.Entry<Long, Long> below = lower.floorEntry(seq);
            if (below != null && below.getValue() == seq - 1) {
                lower.remove(below.getKey());
                topStart = below.getKey();
            }
            return true;
        }
        return addBelowTop(seq);
    }

    /** Highest seq seen; undefined when empty. */
    long max() {
        return topEnd;
    }

    boolean isEmpty() {
        return empty;
    }

    /** Number of intervals, for tests. */
    int intervals() {
        return empty ? 0 : lower.size() + 1;
    }

    private boolean addBelowTop(long seq) {
        Map.Entry<Long, Long> below = lower.floorEntry(seq);
        if (below != null && below.getValue() >= seq) {
            return false;
        }
        long start = seq;
        long end = seq;
        if (below != null && below.getValue() == seq - 1) {
            start = below.getKey();
        }
        Long aboveEnd = lower.get(seq + 1);
        if (aboveEnd != null) {
            lower.remove(seq + 1);
            end = aboveEnd;
        }
        lower.put(start, end);
        return true;
    }
}
