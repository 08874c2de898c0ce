package org.ipcspec.harness.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.ipcspec.harness.run.RunOptions;
import org.ipcspec.harness.run.SpecCheck;

/** {@code ipcspec check}: the spec check that every run starts with, on its own; no endpoint starts. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks feature files before anything runs: every step defined, transports and rule tags that exist,",
                "participants set up in an order the steps can use, rule tags the steps can exercise.",
                "Exit status: 0 the spec can run, 2 it has errors (each with file, line and the fix)."})
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--features", paramLabel = "DIR", description = "Folder of feature files (default: features/).")
    Path features;

    @Option(names = "--tags", paramLabel = "EXPR", description = "Only the scenarios of this tag expression.")
    String tags;

    @Override
    public Integer call() {
        Path folder = features == null ? Home.features() : features;
        if (!Files.isDirectory(folder)) {
            System.err.println("ipcspec: no features folder at " + folder);
            return 2;
        }
        RunOptions options = RunOptions.defaults().withFeatures(folder).withTags(tags);
        return report(System.out, System.err, SpecCheck.errors(options), options);
    }

    /** Prints the errors (or that there are none); 2 with errors, else 0. Shared with {@code run}. */
    static int report(PrintStream out, PrintStream err, List<String> errors, RunOptions options) {
        if (errors.isEmpty()) {
            out.println("ipcspec: the spec in " + options.features() + " can run");
            return 0;
        }
        err.println("ipcspec: " + errors.size() + " error" + (errors.size() == 1 ? "" : "s") + " in the spec; nothing was run:");
        errors.forEach(e -> err.println("  " + e.replace("\n", "\n  ")));
        err.println("(the steps: `./ipcspec steps` and docs/steps.md)");
        return 2;
    }
}
