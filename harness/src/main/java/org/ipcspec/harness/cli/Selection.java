package org.ipcspec.harness.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.ipcspec.harness.run.RunOptions;
import org.ipcspec.harness.run.ScenarioSelection;
import org.ipcspec.harness.run.Shard;

/** The options that choose scenarios, shared by {@code run} and {@code list} so both pick the same ones. */
final class Selection {

    @Parameters(paramLabel = "FILE[:LINE]", arity = "0..*",
            description = "Only these feature files, or the scenarios at these lines (an outline's line: all its examples), "
                    + "e.g. features/blocking.feature:8.")
    List<String> places = List.of();

    @Option(names = "--name", paramLabel = "REGEX", description = "Only scenarios whose name contains a match of REGEX.")
    String name;

    @Option(names = "--transport", split = ",", paramLabel = "NAME", description = "Only these transports (and transport-less scenarios): shm,file,socket.")
    List<String> transports = List.of();

    @Option(names = "--tags", paramLabel = "EXPR", description = "Tag expression, e.g. \"@S1 and not @file\".")
    String tags;

    @Option(names = "--features", paramLabel = "DIR", description = "Folder of feature files (default: features/, or the folder of the FILEs given).")
    Path features;

    @Option(names = "--shard", paramLabel = "K/N", description = "Run the K-th of N stable slices of the scenarios (for CI jobs).")
    String shard;

    /** The options with this selection applied; IllegalArgumentException for a selection that names nothing there is. */
    RunOptions applyTo(RunOptions options) {
        Home.path();  // outside a checkout this unpacks the jar's features, which places may name
        ScenarioSelection selection = ScenarioSelection.parse(places, name);
        Path folder = features != null ? features : featuresFolder(selection);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no features folder at " + folder);
        }
        return options.withFeatures(folder).withTags(tags).withTransports(transports)
                .withShard(shard == null ? Shard.ALL : Shard.parse(shard)).withSelection(selection);
    }

    /** The shipped features, unless every file given lies in one other folder: then that folder, as Cucumber would run it. */
    private static Path featuresFolder(ScenarioSelection selection) {
        Path shipped = Home.features().toAbsolutePath().normalize();
        List<Path> folders = selection.places().stream().map(p -> p.file().getParent()).distinct().toList();
        if (folders.isEmpty() || selection.places().stream().allMatch(p -> p.file().startsWith(shipped))) {
            return shipped;
        }
        if (folders.size() == 1) {
            return folders.get(0);
        }
        throw new IllegalArgumentException("the files given lie in several folders outside " + shipped + ": " + folders
                + "; name one with --features DIR");
    }

    boolean picksPlaces() {
        return !places.isEmpty() || name != null;
    }
}
