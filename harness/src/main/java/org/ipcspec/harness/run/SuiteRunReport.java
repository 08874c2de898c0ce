package org.ipcspec.harness.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import org.ipcspec.harness.process.StartupStats;
import org.ipcspec.harness.profile.Profile;
import org.ipcspec.harness.report.AllureCategories;
import org.ipcspec.harness.report.AllureEnvironment;
import org.ipcspec.harness.scenario.ProfileLocator;

/**
 * What a Maven run of the suite adds at its end, as the command line does in its own way: its
 * wall time and how much of it went into starting endpoint processes (summed over processes;
 * they start in parallel), and, beside the Allure results, the environment and the categories
 * that tell a conformance failure from a broken run. Registered through the test class path's
 * service file.
 */
public final class SuiteRunReport implements TestExecutionListener {

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
        writeAllureFiles();
        System.out.println(String.format(Locale.ROOT,
                "ipcspec: wall time %.1f s; %d endpoints started, %.1f s from start to hello summed over processes (%.0f ms each on average)",
                Duration.ofNanos(System.nanoTime() - began).toMillis() / 1000.0, starts,
                (StartupStats.totalNanos() - startupBefore) / 1e9, (StartupStats.totalNanos() - startupBefore) / 1e6 / starts));
    }

    private static void writeAllureFiles() {
        String results = System.getProperty("allure.results.directory");
        if (results == null) {
            return;
        }
        try {
            Profile profile = ProfileLocator.current();
            AllureEnvironment.write(Path.of(results), AllureEnvironment.standard(profile.name(), "-", profile.file()));
            AllureCategories.write(Path.of(results));
        } catch (IOException | RuntimeException e) {
            System.err.println("ipcspec: could not write the Allure environment and categories: " + e.getMessage());
        }
    }
}
