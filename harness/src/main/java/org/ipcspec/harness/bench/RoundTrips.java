package org.ipcspec.harness.bench;

import java.io.IOException;

/**
 * How a ping-pong baseline times its round trips: after a warm-up of at least the round trips it
 * was given and at least {@link BenchOptions#WARMUP}, as the endpoints get, so that a
 * baseline is not measured while its JIT still competes for the two cores.
 */
final class RoundTrips {

    /** One round trip: a message out and its answer back. */
    @FunctionalInterface
    interface RoundTrip {
        void once() throws IOException;
    }

    private RoundTrips() {
    }

    /** The durations of {@code count} timed round trips, in nanoseconds. */
    static long[] time(int warmup, int count, RoundTrip trip) throws IOException {
        long warmupEnd = System.nanoTime() + BenchOptions.WARMUP.toNanos();
        for (int done = 0; done < warmup || System.nanoTime() < warmupEnd; done++) {
            trip.once();
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long begin = System.nanoTime();
            trip.once();
            nanos[i] = System.nanoTime() - begin;
        }
        return nanos;
    }
}
