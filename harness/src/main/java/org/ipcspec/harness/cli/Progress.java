package org.ipcspec.harness.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;

/**
 * One line per finished scenario: how far the run is, how long it has taken, and for a failure the
 * reason at once, so a person watching (or a CI log) need not wait for the end.
 */
final class Progress implements Consumer<ScenarioResult> {

    private final PrintStream out;
    private final long total;
    private final long began = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();

    Progress(PrintStream out, long total) {
        this.out = out;
        this.total = total;
    }

    @Override
    public void accept(ScenarioResult result) {
        int n = done.incrementAndGet();
        long seconds = Duration.ofNanos(System.nanoTime() - began).toSeconds();
        String line = String.format("[%" + Long.toString(total).length() + "d/%d %2d:%02d] %-11s %s  (%s)", n, total,
                seconds / 60, seconds % 60, result.outcome().label(), result.name(), result.location());
        synchronized (out) {
            out.println(line);
            if (result.outcome() != Outcome.PASSED && !result.message().isBlank()) {
                for (String reason : result.message().strip().split("\n", 6)) {
                    out.println("      " + reason);
                }
            }
        }
    }
}
