package org.ipcspec.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ipcspec.harness.scenario.RunMark;

/**
 * A harness killed with SIGKILL runs no clean-up, so its scenario folders stay behind; the next run, or
 * {@code ipcspec clean}, removes them. Here a real run is started as its own process, killed once both of
 * its scenarios hold a channel (a ring in /dev/shm, a spool in the temp folder), and then
 * {@code ipcspec clean} must leave the temp folder as it was and nothing of the killed run in /dev/shm.
 * /dev/shm is shared with whatever else runs on the machine, so there it is the killed run's own folders
 * that must be gone; the temp folder is this test's own, so there it must be empty.
 */
class KilledRunLeftoversTest {

    private static final Path SHARED_MEMORY = Path.of("/dev/shm");

    @TempDir
    Path work;

    @Test
    void foldersOfAKilledRunAreRemovedByCleanAndItsEndpointsDieWithIt() throws Exception {
        Path tmp = Files.createDirectory(work.resolve("tmp"));
        Path features = Path.of("src/test/resources/leftovers").toAbsolutePath();
        Process harness = java(work.resolve("run.log"), tmp, "run", "--features", features.toString(), "--parallel", "2",
                "--no-report", "--reports", work.resolve("reports").toString());
        List<ProcessHandle> endpoints;
        List<Path> left;
        try {
            // Causal, not timed: kill once each scenario's folder holds what its receiver's open created.
            Awaitility.await("a folder with a channel in /dev/shm and in " + tmp + " made by the harness (pid " + harness.pid() + ")")
                    .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        assertTrue(harness.isAlive(), () -> "the harness ended before it was killed:\n" + log(work.resolve("run.log")));
                        return holdsChannel(SHARED_MEMORY, harness.pid()).isPresent() && holdsChannel(tmp, harness.pid()).isPresent();
                    });
            left = List.of(holdsChannel(SHARED_MEMORY, harness.pid()).orElseThrow(), holdsChannel(tmp, harness.pid()).orElseThrow());
            endpoints = harness.descendants().toList();
            assertTrue(endpoints.size() >= 2, "each scenario's receiver is running: " + endpoints);

            harness.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
            assertTrue(harness.waitFor(20, TimeUnit.SECONDS));
        } finally {
            harness.descendants().forEach(ProcessHandle::destroyForcibly);
            harness.destroyForcibly();
        }
        assertEquals(137, harness.exitValue(), "killed by SIGKILL");

        // The endpoints die of their own stdin's EOF (docs/protocol.md#streams: within 2 s; room for a loaded machine).
        for (ProcessHandle endpoint : endpoints) {
            Awaitility.await("endpoint pid " + endpoint.pid() + " exits after its harness was killed")
                    .atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> !endpoint.isAlive());
        }
        for (Path folder : left) {
            assertTrue(Files.isDirectory(folder), "a SIGKILLed harness leaves its folders (else this test proves nothing): " + folder);
        }

        Path cleanLog = work.resolve("clean.log");
        Process clean = java(cleanLog, tmp, "clean");
        assertTrue(clean.waitFor(60, TimeUnit.SECONDS), "clean ends");
        String printed = log(cleanLog);
        assertEquals(0, clean.exitValue(), printed);
        for (Path folder : left) {
            assertFalse(Files.exists(folder), "removed: " + folder + "\n" + printed);
            assertTrue(printed.contains("removed " + folder + ", left by a run that is gone (pid " + harness.pid() + ")"), printed);
        }
        assertEquals(List.of(), ipcspecFolders(tmp), "the temp folder holds no ipcspec folder any more\n" + printed);
        assertEquals(List.of(), ipcspecFolders(SHARED_MEMORY).stream()
                .filter(folder -> RunMark.readFrom(folder).map(m -> m.pid() == harness.pid()).orElse(false)).toList(),
                "nothing of the killed run is left in /dev/shm\n" + printed);
    }

    /** A folder under {@code root} marked by {@code pid} whose channels' folder is not empty. */
    private static Optional<Path> holdsChannel(Path root, long pid) throws IOException {
        for (Path folder : ipcspecFolders(root)) {
            if (RunMark.readFrom(folder).map(m -> m.pid() == pid).orElse(false) && !isEmpty(folder.resolve("ch"))) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    private static boolean isEmpty(Path folder) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            return true; // not there yet, or already gone
        }
    }

    private static List<Path> ipcspecFolders(Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, "ipcspec-*")) {
            entries.forEach(found::add);
        }
        return found;
    }

    /** The command line in a JVM of its own, its output to {@code log}, its folders for files and sockets in {@code tmp}. */
    private static Process java(Path log, Path tmp, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dipcspec.home=" + Path.of("..").toAbsolutePath().normalize(), "-Dipcspec.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), Ipcspec.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String log(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
