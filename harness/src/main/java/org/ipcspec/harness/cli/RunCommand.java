package org.ipcspec.harness.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.ipcspec.harness.process.EndpointBrokenException;
import org.ipcspec.harness.profile.ImplCommand;
import org.ipcspec.harness.profile.Pairing;
import org.ipcspec.harness.profile.Profile;
import org.ipcspec.harness.profile.ProfileException;
import org.ipcspec.harness.report.AllureCategories;
import org.ipcspec.harness.report.AllureEnvironment;
import org.ipcspec.harness.report.RunSummary;
import org.ipcspec.harness.report.AllureWaivers;
import org.ipcspec.harness.report.AllureExecutor;
import org.ipcspec.harness.profile.Waivers;
import org.ipcspec.harness.spec.ScenarioTags;
import org.ipcspec.harness.check.FigureLog;
import org.ipcspec.harness.report.SummaryTable;
import org.ipcspec.harness.run.ConformanceRun;
import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.run.RunOptions;
import org.ipcspec.harness.run.RunResult;
import org.ipcspec.harness.outcome.ScenarioResult;
import org.ipcspec.harness.run.SpecCheck;
import org.ipcspec.harness.scenario.Leftovers;
import org.ipcspec.harness.scenario.ProfileLocator;
import org.ipcspec.harness.spec.Vocabulary;

/** {@code ipcspec run}: the conformance suite against an implementation, with progress, a summary and a report. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the conformance suite against an implementation (the reference one by default).",
                "Exit status: 0 all passed (unsupported ones skipped), 1 a rule was broken (whatever else happened),",
                "2 a usage, profile, spec or environment error, or an implementation that broke (crashed, no hello,",
                "garbage on stdout) with no rule seen broken. The table: docs/protocol.md#outcomes."})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--profile", paramLabel = "FILE", description = "Implementation profile YAML (default: features/reference.yaml).")
    Path profile;

    @Option(names = "--impl", paramLabel = "COMMAND", description = "Command of an implementation to test, with the default profile's bounds, e.g. --impl \"python3 endpoint.py\".")
    String impl;

    @Option(names = "--sender-profile", paramLabel = "FILE", description = "A mixed run: every sender started from this profile (with --receiver-profile).")
    Path senderProfile;

    @Option(names = "--receiver-profile", paramLabel = "FILE", description = "A mixed run: every receiver started from this profile (with --sender-profile).")
    Path receiverProfile;

    @Mixin
    Selection selection;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "3", description = "Scenarios at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--report", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Generate the HTML report afterwards, as `ipcspec report` (default); --no-report skips it.")
    boolean report;

    @Option(names = "--strict-waivers", description = "A waived scenario that passes (its waiver is out of date) exits 1, not 0.")
    boolean strictWaivers;

    @Option(names = "--reports", paramLabel = "DIR", description = "Where results and pages go (default: reports/).")
    Path reports;

    /** The results of the last {@link #call()}, for `ipcspec interop`, which runs one per pair. */
    RunResult lastResult;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Profile chosen;
        Pairing pair;
        RunOptions options;
        try {
            pair = choosePair();
            chosen = pair != null ? pair.merged() : chooseProfile();
            options = selection.applyTo(RunOptions.defaults())
                    .withParallelism(parallel)
                    .withAllureResults(reportsDir().resolve("allure-results"))
                    .withJunitXml(reportsDir().resolve("junit"));
        } catch (ProfileException | IllegalArgumentException e) {
            System.err.println("ipcspec: " + e.getMessage());
            return 2;
        }
        if (selection.picksPlaces() && ConformanceRun.count(options) == 0) {
            System.err.println("ipcspec: " + NothingPicked.explain(options));
            return 2;
        }
        // Before any endpoint starts: a spec that cannot run is the spec writer's to fix, not the implementation's.
        List<String> specErrors = SpecCheck.errors(options);
        if (!specErrors.isEmpty()) {
            return CheckCommand.report(out, System.err, specErrors, options);
        }
        // A waiver that names nothing is a profile error, whatever this run selects.
        if (!chosen.waivers().isEmpty()) {
            List<String> bad = Waivers.namingNothing(chosen.file(), chosen.waivers(),
                    ConformanceRun.plan(RunOptions.defaults().withFeatures(options.features())).stream()
                            .map(p -> new Waivers.Named(p.name(), p.location(), ScenarioTags.of(p.tags()))).toList());
            if (!bad.isEmpty()) {
                bad.forEach(e -> System.err.println("ipcspec: " + e));
                return 2;
            }
        }
        // What killed runs left in /dev/shm and the temp folder goes first.
        CleanCommand.printRemoved(out, Leftovers.sweepOnce());
        ObjectNode hello;
        try {
            hello = Preflight.hello(pair != null ? pair.sender() : chosen);
            if (pair != null) {
                Preflight.hello(pair.receiver());
            }
        } catch (EndpointBrokenException e) {
            System.err.println("ipcspec: the implementation cannot be run: " + e.getMessage());
            return 2;
        }
        String against;
        if (pair != null) {
            ProfileLocator.usePair(pair);
            against = "senders of " + pair.sender().name() + " (" + pair.sender().file() + ") and receivers of "
                    + pair.receiver().name() + " (" + pair.receiver().file() + "), on " + pairedOn(pair);
        } else {
            ProfileLocator.use(chosen);
            against = hello.path("implementation").asText("?") + " " + hello.path("version").asText("") + " (" + chosen.file() + ")";
        }
        RunResult ran;
        try {
            long total = ConformanceRun.count(options);
            out.printf("ipcspec: %d scenarios against %s, %d at a time%s%n", total, against, parallel,
                    options.shard().count() > 1 ? ", shard " + options.shard() : "");
            ran = ConformanceRun.run(options, new Progress(out, total));
        } finally {
            ProfileLocator.use((Profile) null);
        }
        RunResult result = new RunResult(Waivers.apply(chosen.waivers(), ran.scenarios()), ran.wallTime(), ran.startupNanos(),
                ran.endpointsStarted());
        AllureWaivers.mark(options.allureResults(), result.scenarios());
        boolean html = report;
        String skipped = null;
        if (html) {
            try {
                ReportCommand.allureCommand();
            } catch (AllureUnavailable e) {
                // The verdict does not depend on the HTML: the run says why it is missing and keeps its exit status.
                skipped = e.getMessage();
                html = false;
            }
        }
        writeReportFiles(result, chosen, pair != null ? hello.deepCopy().put("implementation", pair.name()) : hello,
                options.allureResults(), reportsDir(), html);
        lastResult = result;
        printSummary(out, result, reportsDir(), !html);
        if (skipped != null) {
            System.err.println("ipcspec: HTML report skipped: " + skipped);
        }
        if (html) {
            ReportCommand generate = new ReportCommand();
            generate.results = options.allureResults();
            generate.output = reportsDir().resolve("allure-report");
            int generated = generate.call();
            if (generated != 0) {
                return 2;
            }
        }
        return Outcome.exitStatus(result.scenarios().stream().map(ScenarioResult::outcome).toList(), strictWaivers);
    }

    /** The pair of a mixed run, or null; both profiles or neither, and then no --profile or --impl. */
    private Pairing choosePair() {
        if (senderProfile == null && receiverProfile == null) {
            return null;
        }
        if (senderProfile == null || receiverProfile == null) {
            throw new IllegalArgumentException("a mixed run needs both --sender-profile and --receiver-profile");
        }
        if (profile != null || impl != null) {
            throw new IllegalArgumentException("--sender-profile and --receiver-profile replace --profile and --impl; give one or the other");
        }
        return new Pairing(Profile.load(senderProfile), Profile.load(receiverProfile));
    }

    /** "shm, file (socket: no common wire format ...)": what the pair can be run on, and why not the rest. */
    static String pairedOn(Pairing pair) {
        List<String> on = pair.merged().transports();
        List<String> not = Vocabulary.TRANSPORTS.stream().filter(t -> !on.contains(t))
                .map(t -> pair.unsupported(t).orElse(t)).toList();
        return (on.isEmpty() ? "no transport" : String.join(", ", on)) + (not.isEmpty() ? "" : " (unsupported: " + String.join("; ", not) + ")");
    }

    private Profile chooseProfile() {
        Path file = profile != null ? profile : Home.defaultProfile();
        Profile loaded = Profile.load(file);
        if (impl == null) {
            return loaded;
        }
        return ImplCommand.profile(impl, loaded, "(--impl)");
    }

    private Path reportsDir() {
        return reports != null ? reports : Home.reports();
    }

    private static void writeReportFiles(RunResult result, Profile profile, ObjectNode hello, Path results, Path reports,
                                         boolean report) throws IOException {
        String implementation = hello.path("implementation").asText(profile.name());
        String version = hello.path("version").asText("?");
        AllureEnvironment.write(results, AllureEnvironment.standard(implementation, version, profile.file()));
        AllureCategories.write(results);
        AllureExecutor.write(results);
        Path summary = reports.resolve(RunSummary.FILE_NAME);
        new RunSummary(implementation, version, profile.file().toString(), result.wallTime(), result.scenarios(), FigureLog.all())
                .write(summary);
        ReportMatrix.write(List.of(summary), reports, report ? "allure-report/index.html" : "");
    }

    /** @param matrix whether to name the matrix page (the report step names it, linked into the report, when it runs) */
    private static void printSummary(PrintStream out, RunResult result, Path reports, boolean matrix) {
        out.println();
        out.println(SummaryTable.render(Reports.matrixRows(result.scenarios())));
        Map<Outcome, Integer> counts = result.counts();
        String specErrors = counts.get(Outcome.SPEC_ERROR) > 0 ? ", " + counts.get(Outcome.SPEC_ERROR) + " spec errors" : "";
        specErrors += counts.get(Outcome.WAIVED) > 0 ? ", " + counts.get(Outcome.WAIVED) + " waived" : "";
        specErrors += counts.get(Outcome.UNEXPECTED_PASS) > 0 ? ", " + counts.get(Outcome.UNEXPECTED_PASS) + " unexpected passes" : "";
        out.printf("%d passed, %d failed, %d unsupported, %d broken%s in %s; %d endpoints started, %s of it start-up (summed over processes)%n",
                counts.get(Outcome.PASSED), counts.get(Outcome.FAILED), counts.get(Outcome.UNSUPPORTED), counts.get(Outcome.BROKEN),
                specErrors, human(result.wallTime()), result.endpointsStarted(), human(Duration.ofNanos(result.startupNanos())));
        for (Outcome listed : List.of(Outcome.WAIVED, Outcome.UNEXPECTED_PASS)) {
            List<ScenarioResult> these = result.scenarios().stream().filter(s -> s.outcome() == listed).toList();
            if (!these.isEmpty()) {
                out.println();
                out.println(listed == Outcome.WAIVED ? "Waived (known failures, by the profile):" : "Unexpected passes (waivers to remove):");
                these.forEach(s -> out.println("  " + s.location() + "  " + s.name() + "\n      " + s.message().strip().split("\n", 2)[0]));
            }
        }
        List<ScenarioResult> bad = result.scenarios().stream()
                .filter(s -> s.outcome().compareTo(Outcome.SPEC_ERROR) >= 0).toList();
        if (!bad.isEmpty()) {
            out.println();
            out.println("Failures:");
            bad.forEach(s -> out.println("  " + s.outcome().label() + "  " + s.location() + "  " + s.name() + "\n      "
                    + s.message().strip().split("\n", 2)[0]));
        }
        out.println();
        if (matrix) {
            out.println("Matrix: " + reports.resolve("matrix.html"));
        }
        out.println("Summary (JSON): " + reports.resolve(RunSummary.FILE_NAME));
        out.println("Allure results: " + reports.resolve("allure-results"));
        out.println("JUnit XML: " + reports.resolve("junit"));
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : String.format("%.1fs", d.toMillis() / 1000.0);
    }
}
