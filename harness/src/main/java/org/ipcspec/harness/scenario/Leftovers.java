package org.ipcspec.harness.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Folders of channel addresses left behind by runs that are gone. A harness that is SIGKILLed runs no
 * clean-up, and its scenario folders stay: a shared-memory ring is tmpfs memory lost until reboot. So
 * every run first removes the {@code ipcspec-*} folders whose {@link RunMark} names a run that is no
 * longer alive, and {@code ipcspec clean} does it on demand.
 *
 * <p>Never removed: a folder of a live run, a folder without a readable mark (another tool's, an older
 * harness's, or one caught in the instant between its creation and its mark), and a folder of another
 * user. Pids are those of this machine's pid namespace: runs in containers that share a temp folder but
 * not their pids would judge each other's marks wrongly, so give them a temp folder each.
 */
public final class Leftovers {

    /** The name every harness folder of addresses starts with (scenario folders and benchmark folders). */
    static final String PREFIX = "ipcspec-";

    private static boolean swept;

    private Leftovers() {
    }

    /** A removed folder and the mark of the run that had made it. */
    public record Removed(Path folder, RunMark mark) {
    }

    /**
     * @param removed  folders of runs that are gone, now removed
     * @param live     folders of live runs, kept
     * @param unmarked folders with no mark, or not ours, kept
     * @param problems folders that could not be removed, and why
     */
    public record Sweep(List<Removed> removed, List<Path> live, List<Path> unmarked, List<String> problems) {
    }

    /** Where the harness puts its folders: {@code /dev/shm}, {@code ipcspec.tmpdir} ({@code /tmp}), {@code java.io.tmpdir}. */
    public static List<Path> roots() {
        Set<Path> roots = new LinkedHashSet<>();
        roots.add(AddressRoots.SHARED_MEMORY);
        roots.add(ScenarioDirectory.temporaryRoot());
        roots.add(Path.of(System.getProperty("java.io.tmpdir")));
        return roots.stream().map(p -> p.toAbsolutePath().normalize()).distinct().filter(Files::isDirectory).toList();
    }

    /**
     * The first call in a JVM sweeps {@link #roots()} and returns what it did; later calls return an empty
     * sweep at once (folders of runs that die while this one lives wait for the next run).
     */
    public static synchronized Sweep sweepOnce() {
        if (swept) {
            return new Sweep(List.of(), List.of(), List.of(), List.of());
        }
        swept = true;
        return sweep(roots());
    }

    /** Removes, directly under each root, every {@code ipcspec-*} folder of ours whose mark names a run that is gone. */
    public static Sweep sweep(List<Path> roots) {
        List<Removed> removed = new ArrayList<>();
        List<Path> live = new ArrayList<>();
        List<Path> unmarked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String me = System.getProperty("user.name");
        for (Path root : roots) {
            try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, PREFIX + "*")) {
                for (Path folder : folders) {
                    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                        continue;
                    }
                    Optional<RunMark> mark = ownedBy(folder, me) ? RunMark.readFrom(folder) : Optional.empty();
                    if (mark.isEmpty()) {
                        unmarked.add(folder);
                    } else if (mark.get().isLive()) {
                        live.add(folder);
                    } else {
                        remove(folder, mark.get(), removed, problems);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                problems.add("cannot list " + root + ": " + e.getMessage());
            }
        }
        return new Sweep(List.copyOf(removed), List.copyOf(live), List.copyOf(unmarked), List.copyOf(problems));
    }

    private static void remove(Path folder, RunMark mark, List<Removed> removed, List<String> problems) {
        try {
            // A disk-full scenario's small disk, still mounted because its run was killed.
            SmallDisk.unmountLeftover(folder.resolve("ch"));
            Folders.deleteTree(folder, false);
            removed.add(new Removed(folder, mark));
        } catch (IOException | UncheckedIOException e) {
            // Another run sweeping at the same moment may have removed it first: then it is gone all the same.
            if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                problems.add("cannot remove " + folder + " (left by pid " + mark.pid() + "): " + e.getMessage());
            }
        }
    }

    private static boolean ownedBy(Path folder, String user) {
        try {
            return Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(user);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
