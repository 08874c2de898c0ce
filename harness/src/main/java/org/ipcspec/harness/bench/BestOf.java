package org.ipcspec.harness.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.ipcspec.harness.bench.BenchResult.Measured;

/**
 * The best run of one measurement, its runs taken one at a time so that the runs of the
 * measurements a ratio compares can take turns ({@link #alternate}). Each run is a fresh pair of
 * processes timing {@link BenchOptions#TIMED_BATCHES} batches, its figure the best of them; the best
 * of the runs is what the code can do on this machine, where neither a pair nor a batch keeps one
 * speed. Taking turns matters as much: a busy or a quiet spell of a shared machine lasts tens of
 * seconds, and three runs of the endpoints followed by three of a baseline can put one figure
 * inside the spell and the other outside it (shm 64 B, two bench runs of the same code in a row,
 * each measuring the reference's three pairs and then the raw ring's three: 22 against 51 M
 * msg/s, 0.43; then 33 against 42 M, 0.80). The first failure sticks: a measurement that failed
 * is not run again.
 */
final class BestOf<T> {

    private final Supplier<Measured<T>> run;
    private final Comparator<T> better;
    private Measured<T> best;
    private final List<T> values = new ArrayList<>();

    /** {@code better} sorts the better run first. */
    BestOf(Supplier<Measured<T>> run, Comparator<T> better) {
        this.run = run;
        this.better = better;
    }

    /**
     * {@code rounds} rounds, each one run of every measurement in the order given, so that each
     * measurement meets the machine as the others do.
     */
    static void alternate(int rounds, List<? extends BestOf<?>> measurements) {
        for (int round = 0; round < rounds; round++) {
            for (BestOf<?> measurement : measurements) {
                measurement.runOnce();
            }
        }
    }

    /** One more run, unless one failed before. */
    void runOnce() {
        if (best != null && !best.isOk()) {
            return;
        }
        Measured<T> measured = run.get();
        if (measured.isOk()) {
            values.add(measured.value());
        }
        if (!measured.isOk() || best == null || better.compare(measured.value(), best.value()) < 0) {
            best = measured;
        }
    }

    /** Every successful run's figure, in the order they ran: the spread the best was taken from. */
    List<T> values() {
        return List.copyOf(values);
    }

    /** The best run so far, the failure if one failed, absent before any run. */
    Measured<T> result() {
        return best == null ? Measured.absent() : best;
    }
}
