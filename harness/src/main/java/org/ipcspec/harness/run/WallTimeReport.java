package org.ipcspec.harness.run;

import java.time.Duration;
import java.util.Locale;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import org.ipcspec.harness.process.StartupStats;

/**
 * Prints, when a JUnit Platform run ends, its wall time and how much of it went into starting
 * endpoint processes (summed over processes; they start in parallel). Registered for Maven runs
 * through the test class path's service file; the command line prints the same in its summary.
 */
public final class WallTimeReport implements TestExecutionListener {

    private long began;
    private long startupBefore;
    private long startsBefore;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        began = System.nanoTime();
        startupBefore = StartupStats.totalNanos();
        startsBefore = StartupStats.starts();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        long starts = StartupStats.starts() - startsBefore;
        if (starts == 0) {
            return;
        }
        System.out.println(String.format(Locale.ROOT,
                "ipcspec: wall time %.1f s; %d endpoints started, %.1f s from start to hello summed over processes (%.0f ms each on average)",
                Duration.ofNanos(System.nanoTime() - began).toMillis() / 1000.0, starts,
                (StartupStats.totalNanos() - startupBefore) / 1e9, (StartupStats.totalNanos() - startupBefore) / 1e6 / starts));
    }
}
