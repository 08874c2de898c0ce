package org.ipcspec.harness.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import org.ipcspec.harness.run.ConformanceRun;
import org.ipcspec.harness.run.PlannedScenario;
import org.ipcspec.harness.run.RunOptions;

/** {@code ipcspec list}: the scenarios a selection would run, with the place to pass back to {@code run}. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints the scenarios that `ipcspec run` with the same selection would run: FILE:LINE, name, tags.",
                "Nothing is started. Exit status: 0, or 2 for a selection that cannot be made."})
final class ListCommand implements Callable<Integer> {

    @Mixin
    Selection selection;

    @Override
    public Integer call() {
        RunOptions options;
        try {
            options = selection.applyTo(RunOptions.defaults());
        } catch (IllegalArgumentException e) {
            System.err.println("ipcspec: " + e.getMessage());
            return 2;
        }
        print(System.out, ConformanceRun.plan(options));
        return 0;
    }

    static void print(PrintStream out, List<PlannedScenario> scenarios) {
        int width = scenarios.stream().mapToInt(s -> s.location().length()).max().orElse(0);
        for (PlannedScenario s : scenarios) {
            out.printf("%-" + width + "s  %s  %s%n", s.location(), s.name(),
                    String.join(" ", s.tags().stream().map(t -> "@" + t).toList()));
        }
        out.println(scenarios.size() + " scenario" + (scenarios.size() == 1 ? "" : "s"));
    }
}
