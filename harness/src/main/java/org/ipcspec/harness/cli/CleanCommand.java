package org.ipcspec.harness.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;

import org.ipcspec.harness.scenario.Leftovers;
import org.ipcspec.harness.scenario.Leftovers.Sweep;

/** {@code ipcspec clean}: removes the folders of channel addresses that killed runs left behind, as every run does first. */
@Command(name = "clean", mixinStandardHelpOptions = true,
        description = {"Removes the ipcspec-* folders that runs which are gone left in /dev/shm and the temp folder",
                "(a harness killed with SIGKILL cleans up nothing). Every run does this first. Folders of live runs",
                "and folders without a run's mark are never touched. The temp folder is -Dipcspec.tmpdir (default /tmp),",
                "set through IPCSPEC_JAVA_OPTS. Exit status: 0 done, 2 a folder could not be removed."})
final class CleanCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Sweep sweep = Leftovers.sweep(Leftovers.roots());
        printRemoved(System.out, sweep);
        sweep.problems().forEach(problem -> System.err.println("ipcspec clean: " + problem));
        System.out.printf("ipcspec clean: removed %d folder%s left by runs that are gone; kept %d of live runs and %d without a run's mark (in %s)%n",
                sweep.removed().size(), sweep.removed().size() == 1 ? "" : "s", sweep.live().size(), sweep.unmarked().size(),
                Leftovers.roots().stream().map(Path::toString).collect(Collectors.joining(", ")));
        return sweep.problems().isEmpty() ? 0 : 2;
    }

    /** One line per removed folder, naming the run that left it (also printed at the start of a run). */
    static void printRemoved(PrintStream out, Sweep sweep) {
        for (Leftovers.Removed removed : sweep.removed()) {
            out.println("ipcspec: removed " + removed.folder() + ", left by a run that is gone (pid " + removed.mark().pid() + ")");
        }
    }
}
