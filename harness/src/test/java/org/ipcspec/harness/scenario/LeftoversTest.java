package org.ipcspec.harness.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a sweep removes, and above all what it must never remove: a live run's folder, a folder without a mark. */
class LeftoversTest {

    @TempDir
    Path root;

    @Test
    void aFolderOfARunWhoseProcessIsGoneIsRemovedWithEverythingInIt() throws Exception {
        Process process = new ProcessBuilder("sleep", "60").start();
        RunMark mark = new RunMark(process.pid(), RunMark.startTicks(process.pid()).orElseThrow());
        assertTrue(mark.isLive(), "a running process is live: " + mark);
        Path folder = marked("ipcspec-gone", mark);
        Files.createDirectories(folder.resolve("ch/c/queue"));
        Files.writeString(folder.resolve("ch/c/queue/1"), "a message");

        process.destroyForcibly().waitFor();
        assertFalse(mark.isLive(), "a reaped process is gone: " + mark);

        Leftovers.Sweep sweep = Leftovers.sweep(List.of(root));
        assertEquals(List.of(new Leftovers.Removed(folder, mark)), sweep.removed());
        assertFalse(Files.exists(folder));
    }

    /** The pid is alive but it is another process than the one that wrote the mark: pid reuse must not fool the sweep. */
    @Test
    void aLivePidThatStartedAtAnotherTimeIsAnotherProcess() throws Exception {
        RunMark me = RunMark.current();
        Path folder = marked("ipcspec-reused", new RunMark(me.pid(), me.start() + 1));
        assertEquals(1, Leftovers.sweep(List.of(root)).removed().size());
        assertFalse(Files.exists(folder));
    }

    @Test
    void aFolderOfALiveRunIsKept() throws Exception {
        Path folder = marked("ipcspec-live", RunMark.current());
        Leftovers.Sweep sweep = Leftovers.sweep(List.of(root));
        assertEquals(List.of(folder), sweep.live());
        assertTrue(sweep.removed().isEmpty());
        assertTrue(Files.exists(folder.resolve(RunMark.FILE)));
    }

    @Test
    void foldersWithoutAMarkOrWithAnotherNameOrBehindALinkAreKept() throws Exception {
        RunMark gone = new RunMark(RunMark.current().pid(), RunMark.current().start() + 1);
        Path unmarked = Files.createDirectory(root.resolve("ipcspec-unmarked"));
        Path garbled = Files.createDirectory(root.resolve("ipcspec-garbled"));
        Files.writeString(garbled.resolve(RunMark.FILE), "pid=12 start=soon\n");
        Path otherName = marked("someone-else", gone);
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere/ipcspec-target"));
        gone.writeInto(elsewhere);
        Files.createSymbolicLink(root.resolve("ipcspec-link"), elsewhere);

        Leftovers.Sweep sweep = Leftovers.sweep(List.of(root));

        assertTrue(sweep.removed().isEmpty(), sweep.toString());
        assertEquals(2, sweep.unmarked().size(), sweep.toString());
        assertTrue(Files.exists(unmarked) && Files.exists(garbled) && Files.exists(otherName.resolve(RunMark.FILE))
                && Files.exists(elsewhere.resolve(RunMark.FILE)));
    }

    @Test
    void aMarkReadsBackAndIsOwnerOnly() throws Exception {
        RunMark me = RunMark.current();
        assertTrue(me.start() > 0, "read from /proc/self/stat: " + me);
        assertTrue(me.isLive());
        Path folder = marked("ipcspec-mine", me);
        assertEquals(Optional.of(me), RunMark.readFrom(folder));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve(RunMark.FILE))));
        assertEquals(Optional.empty(), RunMark.readFrom(root));
    }

    @Test
    void aScenarioFolderIsMarkedAndItsChannelsSeeOnlyTheirOwnFolder() throws Exception {
        String before = System.getProperty("ipcspec.tmpdir");
        System.setProperty("ipcspec.tmpdir", root.toString());
        try (ScenarioDirectory directory = ScenarioDirectory.create("file")) {
            Path made = directory.path().getParent();
            assertEquals(root, made.getParent());
            assertTrue(made.getFileName().toString().startsWith(Leftovers.PREFIX), made.toString());
            assertEquals(Optional.of(RunMark.current()), RunMark.readFrom(made));
            try (var inside = Files.list(directory.path())) {
                assertEquals(0, inside.count(), "the mark is beside the channels' folder, not in it");
            }
        } finally {
            if (before == null) {
                System.clearProperty("ipcspec.tmpdir");
            } else {
                System.setProperty("ipcspec.tmpdir", before);
            }
        }
        try (var left = Files.list(root)) {
            assertEquals(0, left.count(), "closing removes the whole folder, mark and all");
        }
    }

    private Path marked(String name, RunMark mark) throws Exception {
        Path folder = Files.createDirectory(root.resolve(name));
        mark.writeInto(folder);
        return folder;
    }
}
