package org.ipcspec.harness.bench;

import java.io.IOException;

/**
 * How a ping-pong baseline times its round trips: after a warm-up of at least the round trips it
 * was given and at least {@link BenchOptions#WARMUP}, as the endpoints get, so that a
 * baseline is not measured while its JIT still competes for the two cores; then
 * {@link BenchOptions#TIMED_BATCHES} timed batches, as the endpoints time, the one of the lowest mean its figure.
 */
final class RoundTrips {

    /** One round trip: a message out and its answer back. */
    @FunctionalInterface
    interface RoundTrip {
        void once() throws IOException;
    }

    private RoundTrips() {
    }

    /** The durations of the {@code count} timed round trips of the batch with the lowest mean, in nanoseconds. */
    static long[] time(int warmup, int count, RoundTrip trip) throws IOException {
        long warmupEnd = System.nanoTime() + BenchOptions.WARMUP.toNanos();
        for (int done = 0; done < warmup || System.nanoTime() < warmupEnd; done++) {
            trip.once();
        }
        long[] fastest = null;
        long fastestTotal = Long.MAX_VALUE;
        for (int batch = 0; batch < BenchOptions.TIMED_BATCHES; batch++) {
            long[] nanos = new long[count];
            long total = 0;
            for (int i = 0; i < count; i++) {
                long begin = System.nanoTime();
                trip.once();
                nanos[i] = System.nanoTime() - begin;
                total += nanos[i];
            }
            if (total < fastestTotal) {
                fastest = nanos;
                fastestTotal = total;
            }
        }
        return fastest;
    }
}
