package org.ipcspec.harness.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.ipcspec.harness.profile.Profile;
import org.ipcspec.harness.profile.ProfileException;
import org.ipcspec.harness.report.InteropPage;
import org.ipcspec.harness.scenario.Folders;

/**
 * {@code ipcspec interop A B [C ...]}: a mixed run ({@code run --sender-profile X --receiver-profile Y})
 * for every ordered pair of the profiles, self-pairs included, each into its own folder under
 * {@code reports/interop/}; then {@code reports/interop.html}, sender x receiver with a box per
 * transport, and one Allure report of every pair (labelled with both implementations).
 */
@Command(name = "interop", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs every ordered pair of the implementations (self-pairs included): senders of one, receivers of the other,",
                "on the transports both declare the same wire format for; writes reports/interop.html.",
                "Exit status as `run`, over all pairs: 1 a rule was broken in some pair, else 2 if some pair could not be judged."})
final class InteropCommand implements Callable<Integer> {

    @Parameters(arity = "2..*", paramLabel = "PROFILE", description = "Implementation profiles (YAML), at least two.")
    List<Path> profiles;

    @Option(names = "--transport", split = ",", paramLabel = "NAME", description = "Only these transports: shm,file,socket.")
    List<String> transports = List.of();

    @Option(names = "--tags", paramLabel = "EXPR", description = "Tag expression, e.g. \"@O1 and not @throughput\".")
    String tags;

    @Option(names = "--features", paramLabel = "DIR", description = "Folder of feature files (default: features/).")
    Path features;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "3", description = "Scenarios at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--report", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Generate one HTML report of all pairs afterwards (default); --no-report skips it.")
    boolean report;

    @Option(names = "--reports", paramLabel = "DIR", description = "Where results and pages go (default: reports/).")
    Path reports;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        List<Profile> loaded = new ArrayList<>();
        try {
            for (Path p : profiles) {
                loaded.add(Profile.load(p));
            }
        } catch (ProfileException e) {
            System.err.println("ipcspec: " + e.getMessage());
            return 2;
        }
        Path top = reports != null ? reports : Home.reports();
        Path pairsDir = top.resolve("interop");
        Folders.deleteTree(pairsDir, true);
        List<InteropPage.Pair> pairs = new ArrayList<>();
        List<Integer> exits = new ArrayList<>();
        int n = 0;
        for (int s = 0; s < loaded.size(); s++) {
            for (int r = 0; r < loaded.size(); r++) {
                n++;
                Profile sender = loaded.get(s);
                Profile receiver = loaded.get(r);
                String folder = n + "-" + safe(sender.name()) + "-x-" + safe(receiver.name());
                out.printf("%nipcspec interop: pair %d of %d: senders %s, receivers %s%n", n, loaded.size() * loaded.size(),
                        sender.name(), receiver.name());
                RunCommand run = new RunCommand();
                run.senderProfile = profiles.get(s);
                run.receiverProfile = profiles.get(r);
                run.selection = new Selection();
                run.selection.transports = transports;
                run.selection.tags = tags;
                run.selection.features = features;
                run.parallel = parallel;
                run.report = false;
                run.reports = pairsDir.resolve(folder);
                int exit = run.call();
                exits.add(exit);
                if (run.lastResult == null) {
                    return exit; // the spec or a profile is wrong: every pair would fail the same way
                }
                String matrix = "interop/" + folder + "/matrix.html";
                pairs.add(new InteropPage.Pair(sender.name(), receiver.name(),
                        run.lastResult.scenarios().stream().map(x -> x.withLink(matrix)).toList(), matrix));
            }
        }
        Path page = top.resolve("interop.html");
        InteropPage.write("ipcspec interoperability: sender x receiver", pairs, page);
        out.println();
        out.println("Interop matrix: " + page);
        if (report) {
            Path results = top.resolve("allure-results");
            gather(pairsDir, results);
            ReportCommand generate = new ReportCommand();
            generate.results = results;
            generate.output = top.resolve("allure-report");
            if (generate.call() != 0) {
                return 2;
            }
        }
        return exitOf(exits);
    }

    /** As `run`'s: 1 when a rule was broken in any pair, whatever else happened; else 2 if any pair was; else 0. */
    static int exitOf(List<Integer> exits) {
        return exits.contains(1) ? 1 : exits.stream().anyMatch(e -> e != 0) ? 2 : 0;
    }

    /** A profile name as a folder name. */
    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        return s.isEmpty() ? "impl" : s;
    }

    /** Every pair's Allure results into one folder: the report then shows all pairs, told apart by their labels. */
    private static void gather(Path pairsDir, Path results) throws IOException {
        Folders.deleteTree(results, true);
        Files.createDirectories(results);
        try (Stream<Path> files = Files.walk(pairsDir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.getParent().getFileName().toString().equals("allure-results")).toList()) {
                Path target = results.resolve(f.getFileName());
                if (Files.exists(target) && (f.getFileName().toString().startsWith("environment")
                        || f.getFileName().toString().startsWith("categories"))) {
                    continue; // the same in every pair
                }
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
