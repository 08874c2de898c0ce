package org.ipcspec.harness.process;

import java.util.concurrent.atomic.LongAdder;

/**
 * How much of a run went into starting endpoints: each process's time from start to its hello
 * line, summed. A run prints it beside its wall time, since a JVM endpoint's start-up is most of
 * what a short scenario costs.
 */
public final class StartupStats {

    private static final LongAdder STARTS = new LongAdder();
    private static final LongAdder NANOS = new LongAdder();

    private StartupStats() {
    }

    static void record(long nanos) {
        STARTS.increment();
        NANOS.add(nanos);
    }

    public static long starts() {
        return STARTS.sum();
    }

    public static long totalNanos() {
        return NANOS.sum();
    }
}
