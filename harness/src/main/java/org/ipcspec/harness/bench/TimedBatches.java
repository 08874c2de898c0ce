package org.ipcspec.harness.bench;

import java.io.IOException;

/**
 * The batches of a one-way baseline program, on either side: {@code untimed} batches of
 * {@code count} messages, then {@link BenchOptions#TIMED_BATCHES} timed ones, as the endpoints
 * run theirs. Before each batch the sender waits until the receiver has taken all of the
 * previous one, so each timed batch starts on an empty transport; the sender's clock reading
 * just before a timed batch and the receiver's just after it bound its time.
 *
 * <p>The untimed batches are whole batches, through the same calls as the timed ones: with one
 * untimed tenth of a batch, the raw ring's first timed batch ran 28-36 M msg/s and the two after
 * it 42-72 M in the same pair of JVMs (the loop was still being compiled), so the baseline was
 * measured before it reached the speed the endpoints were measured at.
 */
final class TimedBatches {

    /** One batch: {@code count} messages from the 0-based message index {@code first}. */
    @FunctionalInterface
    interface Batch {
        void run(long first) throws IOException;
    }

    /** What a side does before batch {@code batch} (0-based, untimed ones included). */
    @FunctionalInterface
    interface Before {
        void run(int batch) throws IOException;
    }

    private TimedBatches() {
    }

    /** The sender's side: the clock just before each timed batch, after {@code before}. */
    static long[] starts(int untimed, long count, Before before, Batch batch) throws IOException {
        long[] starts = new long[BenchOptions.TIMED_BATCHES];
        for (int b = 0; b < untimed + starts.length; b++) {
            before.run(b);
            long start = System.nanoTime();
            batch.run(b * count);
            if (b >= untimed) {
                starts[b - untimed] = start;
            }
        }
        return starts;
    }

    /** The receiver's side: the clock just after each timed batch. */
    static long[] ends(int untimed, long count, Before before, Batch batch) throws IOException {
        long[] ends = new long[BenchOptions.TIMED_BATCHES];
        for (int b = 0; b < untimed + ends.length; b++) {
            before.run(b);
            batch.run(b * count);
            if (b >= untimed) {
                ends[b - untimed] = System.nanoTime();
            }
        }
        return ends;
    }
}
