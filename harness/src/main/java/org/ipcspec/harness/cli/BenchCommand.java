package org.ipcspec.harness.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.ipcspec.harness.bench.BenchOptions;
import org.ipcspec.harness.bench.BenchResult;
import org.ipcspec.harness.bench.BenchResult.ThroughputRow;
import org.ipcspec.harness.bench.BenchTable;
import org.ipcspec.harness.bench.Benchmark;
import org.ipcspec.harness.bench.LoadSweep;
import org.ipcspec.harness.bench.SweepPoint;
import org.ipcspec.harness.bench.SweepTable;
import org.ipcspec.harness.profile.Profile;
import org.ipcspec.harness.profile.Threshold;
import org.ipcspec.harness.report.LoadSweepSvg;

/** {@code ipcspec bench}: throughput, latency and start-up, beside raw baselines and the profile's thresholds. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures one-way throughput (64 B and 4 KiB), synchronous round-trip latency and start-up",
                "time of an implementation's endpoints, each beside a plain-Java baseline measured in the same run",
                "and the profile's thresholds; then latency against offered load per transport (a paced run at each",
                "rate of a ladder, up past capacity), as a table and as reports/bench-latency.svg.",
                "Figures on a shared machine are noisy: compare ratios."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--profile", paramLabel = "FILE", description = "Implementation profile (default: features/reference.yaml).")
    Path profile;

    @Option(names = "--transport", split = ",", paramLabel = "NAME", description = "Transports to measure (default: the profile's).")
    List<String> transports;

    @Option(names = "--scale", paramLabel = "F", defaultValue = "1", description = "Multiply message counts (0.1 for a quick look).")
    double scale;

    @Option(names = "--no-baselines", description = "Skip the raw baselines.")
    boolean noBaselines;

    @Option(names = "--tmp", paramLabel = "DIR", description = "Where channel addresses go (default: the system temp folder).")
    Path tmp;

    @Option(names = "--no-sweep", description = "Skip the latency-against-offered-load sweep.")
    boolean noSweep;

    @Option(names = "--only-sweep", description = "Only the latency-against-offered-load sweep (about half a minute).")
    boolean onlySweep;

    @Override
    public Integer call() {
        Profile chosen = Profile.load(profile != null ? profile : Home.defaultProfile());
        BenchOptions options = BenchOptions.defaults(Home.path())
                .withCommand(chosen.command())
                .withTransports(transports != null ? transports : chosen.transports())
                .withScale(scale)
                .withBaselines(!noBaselines);
        if (tmp != null) {
            options = options.withTempParent(tmp);
        }
        if (noSweep && onlySweep) {
            System.err.println("ipcspec bench: --no-sweep and --only-sweep exclude each other");
            return 2;
        }
        boolean failed = false;
        if (!onlySweep) {
            BenchResult result = Benchmark.run(options);
            System.out.println(BenchTable.render(result, new BenchTable.Extra("profile threshold",
                    row -> threshold(chosen, row), row -> "", row -> "")));
            failed = result.hasFailures();
        }
        if (!noSweep) {
            failed |= !sweep(options);
        }
        return failed ? 1 : 0;
    }

    /** The sweep's table on stdout and its chart under reports/; false when a transport gave no points. */
    private static boolean sweep(BenchOptions options) {
        List<SweepPoint> points = LoadSweep.run(options, line -> System.err.println("[bench] " + line));
        System.out.println();
        System.out.println(SweepTable.render(points));
        Path chart = Home.reports().resolve("bench-latency.svg");
        try {
            LoadSweepSvg.write(points, chart);
            System.out.println("Chart: " + chart);
        } catch (IOException e) {
            System.err.println("ipcspec bench: could not write " + chart + ": " + e.getMessage());
            return false;
        }
        return points.stream().map(SweepPoint::transport).distinct().count() == options.transports().size();
    }

    /** "ok >= 200,000/s" or "BELOW >= 200,000/s", and the p99 bound. */
    static String threshold(Profile profile, ThroughputRow row) {
        Threshold threshold = profile.bounds().threshold(row.transport(), row.messageBytes()).orElse(null);
        if (threshold == null) {
            return "-";
        }
        StringBuilder text = new StringBuilder();
        if (threshold.minMessagesPerSecond() != null) {
            boolean met = row.measured().isOk() && row.measured().value().messagesPerSecond() >= threshold.minMessagesPerSecond();
            text.append(met ? "ok " : "BELOW ").append(String.format(Locale.ROOT, ">= %,.0f/s", threshold.minMessagesPerSecond()));
        }
        if (threshold.maxP99Micros() != null) {
            boolean met = row.p99LatencyNanos().isPresent() && row.p99LatencyNanos().getAsLong() / 1000.0 <= threshold.maxP99Micros();
            text.append(text.length() > 0 ? ", " : "").append(met ? "ok " : "OVER ")
                    .append(String.format(Locale.ROOT, "p99 <= %,.0f us", threshold.maxP99Micros()));
        }
        return text.toString();
    }
}
