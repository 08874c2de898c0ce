package org.ipcspec.endpoint;

import java.util.Arrays;

/**
 * Latency samples of one {@code receive_many} ({@code recv_end t} minus {@code sent_t}) and
 * their nearest-rank percentiles: the p-th percentile of N sorted samples is the sample of rank
 * {@code ceil(p/100 * N)} (1-based), computed in integers so that no rounding error moves a rank.
 */
final class Latencies {

    /** Percentiles reported, in tenths of a percent: p50, p90, p99, p999. */
    static final int[] PERMILLE = {500, 900, 990, 999};
    static final String[] NAMES = {"p50", "p90", "p99", "p999"};

    private long[] samples;
    private int count;
    private boolean sorted;

    Latencies() {
        this(1024);
    }

    /** With room for {@code initialCapacity} samples before the array grows. */
    Latencies(int initialCapacity) {
        samples = new long[Math.max(1, initialCapacity)];
    }

    void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
        sorted = false;
    }

    /**
     * Adds {@code t - sentTs[i]} for the first {@code n} of {@code sentTs}: a run's samples, which
     * share the clock reading {@code t}, with one capacity check for the run.
     */
    void addSince(long t, long[] sentTs, int n) {
        if (count + n > samples.length) {
            samples = Arrays.copyOf(samples, Math.max(samples.length * 2, count + n));
        }
        long[] into = samples;
        int at = count;
        for (int i = 0; i < n; i++) {
            into[at + i] = t - sentTs[i];
        }
        count = at + n;
        sorted = false;
    }

    int count() {
        return count;
    }

    /** The nearest-rank percentile of {@code permille} tenths of a percent; needs at least one sample. */
    long percentile(int permille) {
        if (count == 0) {
            throw new IllegalStateException("no samples");
        }
        sort();
        long rank = ((long) permille * count + 999) / 1000; // ceil(permille * N / 1000)
        return samples[(int) Math.max(1, rank) - 1];
    }

    long max() {
        sort();
        return samples[count - 1];
    }

    /** Writes {@code name: {p50,p90,p99,p999,max}}, or {@code name: null} without samples. */
    void writeTo(JsonLine line, String name) {
        if (count == 0) {
            line.nullValue(name);
            return;
        }
        line.beginObject(name);
        for (int i = 0; i < PERMILLE.length; i++) {
            line.number(NAMES[i], percentile(PERMILLE[i]));
        }
        line.number("max", max()).endObject();
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(samples, 0, count);
            sorted = true;
        }
    }
}
