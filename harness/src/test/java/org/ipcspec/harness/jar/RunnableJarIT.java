package org.ipcspec.harness.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ipcspec.harness.faults.FaultyEndpoint;
import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.report.RunSummary;

/**
 * The packaged {@code ipcspec.jar} as a person without Maven or a checkout meets it: run with
 * {@code java -jar} from an empty folder, with a PATH that holds only {@code java} and {@code sh}
 * (so no {@code mvn}), an empty home (so no ~/.m2) and a cache folder of its own (so the jar
 * unpacks its features and endpoint afresh). It runs after package, under Failsafe.
 */
class RunnableJarIT {

    private static final String SELECTION = "@S1 and @shm";

    @TempDir
    Path work;

    @Test
    void theReferenceEndpointPassesAndEveryReportButTheHtmlIsWritten() throws Exception {
        Ran run = runJar("run", "--tags", SELECTION);
        assertEquals(0, run.status, run.toString());
        assertTrue(run.out.contains("4 passed, 0 failed, 0 unsupported, 0 broken"), run.toString());
        // Found in the jar, not in a checkout: the profile and features come from the unpacked cache.
        assertTrue(run.out.contains("ipcspec-reference"), run.toString());
        assertTrue(run.out.contains(work.resolve("cache").toString()), run.toString());
        Path reports = work.resolve("here/reports");
        RunSummary summary = RunSummary.read(reports.resolve("summary.json"));
        assertEquals(4, summary.scenarios().size(), run.toString());
        assertTrue(summary.scenarios().stream().allMatch(s -> s.outcome() == Outcome.PASSED), run.toString());
        assertTrue(Files.isRegularFile(reports.resolve("matrix.html")), run.toString());
        assertTrue(count(reports.resolve("junit"), ".xml") > 0, run.toString());
        assertTrue(count(reports.resolve("allure-results"), "-result.json") >= 4, run.toString());
        // No Maven to fetch Allure's command line: the HTML is skipped, and the run says why.
        assertTrue(run.err.contains("HTML report skipped") && run.err.contains("no `mvn` on the PATH"), run.toString());
        assertFalse(Files.exists(reports.resolve("allure-report/index.html")), run.toString());
    }

    /** Places read as in a checkout, and can be typed back, though no features/ folder is here. */
    @Test
    void aPlaceInTheJarsFeaturesIsNamedAndPickedAsInACheckout() throws Exception {
        Ran list = runJar("list", "features/blocking.feature:22");
        assertEquals(0, list.status, list.toString());
        assertTrue(list.out.startsWith("features/blocking.feature:22  "), list.toString());
        assertTrue(list.out.contains("1 scenario"), list.toString());
    }

    @Test
    void aFaultyEndpointExitsOneWithItsFailureInTheSummary() throws Exception {
        String faulty = String.join(" ", java(), "-cp", endpointJar() + File.pathSeparator + testClasses(),
                FaultyEndpoint.class.getName(), "sync-send-returns-early");
        Ran run = runJar("run", "--impl", faulty, "--tags", SELECTION, "--no-report");
        assertEquals(1, run.status, run.toString());
        RunSummary summary = RunSummary.read(work.resolve("here/reports/summary.json"));
        assertTrue(summary.scenarios().stream().anyMatch(s -> s.outcome() == Outcome.FAILED && s.message().contains("S1 violated")),
                run.toString());
        assertTrue(Files.isRegularFile(work.resolve("here/reports/matrix.html")), run.toString());
    }

    private Ran runJar(String... args) throws IOException, InterruptedException {
        Path here = Files.createDirectories(work.resolve("here"));
        Path bin = Files.createDirectories(work.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("java"), Path.of(java()));
        Files.createSymbolicLink(bin.resolve("sh"), Path.of("/bin/sh").toRealPath());
        // A home of its own too: Java takes user.home from the password database, not $HOME, and
        // ~/.m2 may hold Allure's command line from another run.
        List<String> command = new ArrayList<>(List.of(java(), "-Duser.home=" + work.resolve("home"), "-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(here.toFile())
                .redirectOutput(work.resolve("out.txt").toFile()).redirectError(work.resolve("err.txt").toFile());
        builder.environment().clear();
        builder.environment().put("PATH", bin.toString());
        builder.environment().put("HOME", work.resolve("home").toString());
        builder.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("java -jar ipcspec.jar " + String.join(" ", args) + " did not end in 5 minutes");
        }
        return new Ran(process.exitValue(), Files.readString(work.resolve("out.txt")), Files.readString(work.resolve("err.txt")));
    }

    private static long count(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        }
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("ipcspec.jar", "target/ipcspec.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "no " + jar + ": this test runs after `mvn package`");
        return jar;
    }

    private static Path endpointJar() {
        return Path.of(System.getProperty("ipcspec.endpoint.jar", "../impl/target/ipcspec-endpoint.jar")).toAbsolutePath().normalize();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path testClasses() throws URISyntaxException {
        return Path.of(FaultyEndpoint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private record Ran(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }
}
