package org.ipcspec.harness.cli;

import static org.ipcspec.harness.cli.Captured.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ipcspec.harness.scenario.ProfileLocator;

/** The command line as CI and people meet it: exit statuses and what the messages say. */
class IpcspecCommandTest {

    @TempDir
    Path reports;

    @AfterEach
    void forgetProfile() {
        ProfileLocator.use(null);
    }

    @Test
    void anImplementationThatCannotStartExitsTwoWithItsStderr() {
        Captured run = run("run", "--impl", "sh -c 'echo \"error while loading libipc.so\" >&2; exit 7'",
                "--reports", reports.toString());
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().contains("error while loading libipc.so"), run.toString());
        assertTrue(run.err().contains("exited with code 7"), run.toString());
    }

    @Test
    void anImplementationThatNeverSaysHelloExitsTwo() {
        Captured run = run("run", "--impl", "sh -c 'echo starting...; cat >/dev/null'", "--reports", reports.toString());
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().contains("not JSON: 'starting...'"), run.toString());
    }

    @Test
    void aBadProfileExitsTwoNamingFileAndLine() throws Exception {
        Path profile = reports.resolve("mine.yaml");
        Files.writeString(profile, "name: mine\ncommand: [python3, endpoint.py]\ntransports: [shm]\ntiming:\n  non_blocking_ms: -5\n");
        Captured run = run("run", "--profile", profile.toString(), "--reports", reports.toString());
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().contains("mine.yaml:5"), run.toString());
        assertTrue(run.err().contains("non_blocking_ms"), run.toString());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("run", "--shard", "3/2").status());
        assertEquals(2, run("run", "--no-such-option").status());
    }

    @Test
    void aRunPassesWritesItsReportsAndExitsZero() throws Exception {
        Captured run = run("run", "--tags", "@protocol", "--reports", reports.toString());
        assertEquals(0, run.status(), run.toString());
        // The HTML report is one file that opens from disk, and the matrix links into it.
        assertTrue(Files.isRegularFile(reports.resolve("allure-report/index.html")), run.toString());
        assertTrue(Files.readString(reports.resolve("matrix.html")).contains("href=\"allure-report/index.html\""));
        // summary.json agrees with the table printed at the end.
        org.ipcspec.harness.report.RunSummary summary = org.ipcspec.harness.report.RunSummary.read(reports.resolve("summary.json"));
        assertEquals(14, summary.scenarios().size());
        assertTrue(run.out().contains(org.ipcspec.harness.report.SummaryTable.render(summary.scenarios())), run.toString());
        assertTrue(run.out().contains("14 passed, 0 failed, 0 unsupported, 0 broken"), run.toString());
        assertTrue(Files.isRegularFile(reports.resolve("matrix.html")));
        assertTrue(Files.isRegularFile(reports.resolve("allure-results/categories.json")));
        assertTrue(Files.isRegularFile(reports.resolve("allure-results/environment.properties")));
        assertTrue(Files.isDirectory(reports.resolve("junit")));
    }

    /** The example implementation in Python, told to offer only file: the rest is unsupported, not failed. */
    @Test
    void transportsAnImplementationDoesNotOfferAreUnsupported() {
        Captured run = run("run", "--impl", "python3 ../docs/examples/python/endpoint.py --transports file", "--tags", "@blocking and @S2",
                "--reports", reports.toString(), "--no-report");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("2 passed, 0 failed, 4 unsupported, 0 broken"), run.toString());
        assertTrue(run.out().contains("does not offer the shm transport"), run.toString());
    }

    /** FILE:LINE runs exactly the scenario written there; a tag line above it picks it too. */
    @Test
    void aFileAndLineRunsExactlyThatScenario() {
        Captured run = run("run", "../features/blocking.feature:22", "--reports", reports.toString(), "--no-report");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("ipcspec: 1 scenarios"), run.toString());
        assertTrue(run.out().contains("features/blocking.feature:22)"), run.toString());
        assertTrue(run.out().contains("1 passed, 0 failed"), run.toString());
    }

    @Test
    void aLineWithNoScenarioExitsTwoListingTheLinesThatHaveOne() {
        Captured run = run("run", "../features/blocking.feature:23", "--reports", reports.toString(), "--no-report");
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().contains("lines 22, 27, 32"), run.toString());
    }

    @Test
    void listPrintsWhatASelectionWouldRun() {
        Captured outline = run("list", "../features/blocking.feature:8");
        assertEquals(0, outline.status(), outline.toString());
        assertTrue(outline.out().contains("6 scenarios"), outline.toString());
        assertTrue(outline.out().contains("features/blocking.feature:47  "), outline.toString());
        Captured named = run("list", "--name", "stays blocked until the receiver.*\\(file", "--transport", "file");
        assertTrue(named.out().contains("2 scenarios"), named.toString());
    }

    /** The faulty endpoint whose synchronous send returns before the message is collected, in a profile with waivers. */
    private Path waivedProfile(String waivers) throws Exception {
        String classpath = Path.of(System.getProperty("ipcspec.endpoint.jar", "../impl/target/ipcspec-endpoint.jar")).toAbsolutePath().normalize() + java.io.File.pathSeparator
                + Path.of(org.ipcspec.harness.faults.FaultyEndpoint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.writeString(reports.resolve("waived.yaml"), "name: faulty\n"
                + "command: [java, -cp, \"" + classpath + "\", org.ipcspec.harness.faults.FaultyEndpoint, sync-send-returns-early]\n"
                + "transports: [shm, file, socket]\n"
                + "timing: {non_blocking_ms: 250, blocked_ms: 300, crash_ms: 5000}\n"
                + "waivers:\n" + waivers);
    }

    private static final String SHM_WAIVER = "  - rule: S1\n    transport: shm\n    reason: returns early on shm\n"
            + "    issue: https://example.org/issues/7\n";
    private static final String FILE_WAIVER = "  - scenario: blocking.feature:32\n    reason: and on file\n";

    @Test
    void waivedFailuresExitZeroAndRemovingAWaiverExitsOne() throws Exception {
        Captured waived = run("run", "--profile", waivedProfile(SHM_WAIVER + FILE_WAIVER).toString(),
                "../features/blocking.feature:22:27:32", "--reports", reports.toString(), "--no-report");
        assertEquals(0, waived.status(), waived.toString());
        assertTrue(waived.out().contains("0 passed, 0 failed, 0 unsupported, 0 broken, 3 waived"), waived.toString());
        assertTrue(waived.out().contains("waived (returns early on shm; https://example.org/issues/7): S1 violated"), waived.toString());
        assertTrue(Files.readString(reports.resolve("summary.json")).contains("\"outcome\" : \"waived\""));
        // The Allure results say so too: skipped, known, with the waiver first in the message.
        long marked;
        try (var files = Files.list(reports.resolve("allure-results"))) {
            marked = files.filter(f -> f.toString().endsWith("-result.json")).filter(f -> {
                try {
                    String json = Files.readString(f);
                    return json.contains("\"known\":true") && json.contains("\"status\":\"skipped\"");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).count();
        }
        assertEquals(3, marked);

        Captured unwaived = run("run", "--profile", waivedProfile(SHM_WAIVER).toString(),
                "../features/blocking.feature:22:27:32", "--reports", reports.toString(), "--no-report");
        assertEquals(1, unwaived.status(), unwaived.toString());
        assertTrue(unwaived.out().contains("0 passed, 1 failed, 0 unsupported, 0 broken, 2 waived"), unwaived.toString());
    }

    @Test
    void aWaiverOfAPassingScenarioIsAnUnexpectedPassAndStrictMakesItExitOne() throws Exception {
        Path profile = Files.writeString(reports.resolve("ref.yaml"), Files.readString(Path.of("../features/reference.yaml"))
                .replace("../impl/", Path.of("../impl/").toAbsolutePath().normalize() + "/")
                + "\nwaivers:\n  - scenario: blocking.feature:22\n    reason: was flaky\n");
        Captured lenient = run("run", "--profile", profile.toString(), "../features/blocking.feature:22", "--reports", reports.toString(),
                "--no-report");
        assertEquals(0, lenient.status(), lenient.toString());
        assertTrue(lenient.out().contains("1 unexpected passes"), lenient.toString());
        assertTrue(lenient.out().contains("remove the waiver"), lenient.toString());
        Captured strict = run("run", "--profile", profile.toString(), "../features/blocking.feature:22", "--reports", reports.toString(),
                "--no-report", "--strict-waivers");
        assertEquals(1, strict.status(), strict.toString());
    }

    @Test
    void aWaiverNamingNoScenarioIsAProfileErrorWithFileAndLine() throws Exception {
        Path profile = waivedProfile("  - scenario: No such scenario\n    reason: r\n");
        Captured run = run("run", "--profile", profile.toString(), "--reports", reports.toString(), "--no-report");
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().contains("waived.yaml:6: waiver of scenario 'No such scenario' names no scenario"), run.toString());
    }

    @Test
    void stepsAreListed() {
        Captured run = run("steps");
        assertEquals(0, run.status());
        assertTrue(run.out().contains("Then {participant} stays blocked"), run.out());
    }
}
