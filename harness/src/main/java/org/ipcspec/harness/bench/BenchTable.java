package org.ipcspec.harness.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

import org.ipcspec.harness.bench.BenchResult.LatencyRow;
import org.ipcspec.harness.bench.BenchResult.Measured;
import org.ipcspec.harness.bench.BenchResult.Percentiles;
import org.ipcspec.harness.bench.BenchResult.Rate;
import org.ipcspec.harness.bench.BenchResult.RoundTrip;
import org.ipcspec.harness.bench.BenchResult.StartupRow;
import org.ipcspec.harness.bench.BenchResult.ThroughputRow;
import org.ipcspec.harness.report.TextTable;

/**
 * Prints a {@link BenchResult} as plain-text tables, each preceded by what exactly it measured.
 * A figure that could not be measured prints as {@code failed} in its cell, and its reason is
 * listed under the table. A caller may add one column per table ({@link Extra}), for instance the
 * profile's thresholds.
 */
public final class BenchTable {

    static final String FAILED = "failed";

    /**
     * One more column at the right of each table.
     *
     * @param title      its heading
     * @param throughput its cell in a throughput row
     * @param latency    its cell in a latency row
     * @param startup    its cell in the endpoint's start-up row
     */
    public record Extra(String title, Function<ThroughputRow, String> throughput, Function<LatencyRow, String> latency,
                        Function<StartupRow, String> startup) {
    }

    private BenchTable() {
    }

    public static String render(BenchResult result) {
        return render(result, null);
    }

    public static String render(BenchResult result, Extra extra) {
        StringBuilder out = new StringBuilder();
        out.append("ipcspec benchmark: ").append(result.implementation()).append('\n');
        out.append("machine: ").append(result.environment()).append('\n');
        out.append("One run on a shared machine: expect tens of percent of noise between runs; the ratios to the baselines,\n")
                .append("measured in the same run, are steadier than the absolute figures.\n");
        for (String note : result.notes()) {
            out.append(note).append('\n');
        }
        out.append('\n');
        throughput(out, result.throughput(), extra);
        if (!result.throughputComparisons().isEmpty()) {
            out.append('\n');
            throughputComparisons(out, result);
        }
        out.append('\n');
        latency(out, result.latency(), extra);
        if (!result.latencyComparisons().isEmpty()) {
            out.append('\n');
            latencyComparisons(out, result);
        }
        out.append('\n');
        startup(out, result.startup(), extra);
        return out.toString();
    }

    private static void throughput(StringBuilder out, List<ThroughputRow> rows, Extra extra) {
        out.append("""
                ONE-WAY THROUGHPUT: asynchronous send_many into a synchronous receive_many, capacity 4096, one sender;
                the best batch of %1$d runs, each a fresh pair of endpoints timing %2$d batches after untimed ones of the same
                count (two at least, for 2 s at least); each baseline the best batch of %1$d runs, each timing %2$d batches after its
                own warm-up; the runs in turns (the endpoints, then each baseline, %1$d rounds), so that a busy spell of the
                machine meets all alike. Time =
                the receiver's recv_end of the last message minus the sender's send_begin of the first (both on the
                shared monotonic clock). MB/s = payload bytes / 10^6.
                p99 us: the receiver's latency_ns p99 of that batch (recv_end - sent_t, queueing included), the profile's figure.
                Baselines: plain Java between two forked JVMs, same message size, no payload generation or checks
                (raw UDS frames: 4-byte length + payload, batched writes; raw mmap SPSC ring: 4096 slots, release/acquire
                positions, mapped where the shm channels are; raw file spool: per message create tmp/NAME, write, close, rename into new/, then list, rename
                into cur/, read, unlink, no fsync). ratio = implementation msgs/s / baseline msgs/s, the bests;
                median ratio = the median of the implementation's %1$d runs (each its best batch) / the baseline's median, which
                does not follow one lucky batch.
                """.formatted(BenchOptions.ROUNDS, BenchOptions.TIMED_BATCHES));
        TextTable table = new TextTable(Set.of(0, 1, 6), "transport", "size", "messages", "msgs/s", "MB/s", "p99 us", "baseline", "base msgs/s", "base MB/s", "ratio",
                "median ratio");
        if (extra != null) {
            table.addColumn(extra.title());
        }
        List<String> failures = new ArrayList<>();
        for (ThroughputRow row : rows) {
            String label = row.transport() + " " + size(row.messageBytes());
            List<String> cells = new ArrayList<>(List.of(row.transport(), size(row.messageBytes())));
            Measured<Rate> m = row.measured();
            cells.add(m.isOk() ? grouped(m.value().messages()) : "");
            cells.add(m.isOk() ? grouped(m.value().messagesPerSecond()) : FAILED);
            cells.add(m.isOk() ? fixed(m.value().megabytesPerSecond(), 1) : "");
            cells.add(m.isOk() && row.p99LatencyNanos().isPresent() ? micros(row.p99LatencyNanos().getAsLong()) : "");
            cells.add(row.baselineName());
            Measured<Rate> b = row.baseline();
            cells.add(b.isOk() ? grouped(b.value().messagesPerSecond()) : b.isAbsent() ? "-" : FAILED);
            cells.add(b.isOk() ? fixed(b.value().megabytesPerSecond(), 1) : "-");
            cells.add(ratio(row.ratio()));
            cells.add(ratio(row.medianRatio()));
            if (extra != null) {
                cells.add(extra.throughput().apply(row));
            }
            table.add(cells);
            noteFailure(failures, label, m);
            noteFailure(failures, label + " baseline", b);
        }
        out.append(table.render());
        failures.forEach(f -> out.append("  ").append(f).append('\n'));
    }

    private static void throughputComparisons(StringBuilder out, BenchResult result) {
        out.append("""
                MORE BASELINES, same messages and timing as above: "+ protocol work" is the raw loop with the protocol's
                per-message work added (sender: header, filler; receiver: magic, filler check, latency sample, order, CRC-32C
                of the seq; one clock reading per 64 messages on each side, as the endpoint's runs take them, one per message
                for file), so "of raw" (that baseline / the raw one) is what the protocol alone leaves of the
                transport and "ratio" (implementation / that baseline) is what the channel API costs on top. Agrona: its
                OneToOneRingBuffer in a mapped file between two JVMs, the consumer copying each payload out.
                """);
        TextTable table = new TextTable(Set.of(0, 1, 3), "transport", "size", "msgs/s", "baseline", "base msgs/s", "base MB/s",
                "of raw", "ratio");
        List<String> failures = new ArrayList<>();
        for (BenchResult.ThroughputComparison c : result.throughputComparisons()) {
            ThroughputRow row = result.throughput().stream()
                    .filter(r -> r.transport().equals(c.transport()) && r.messageBytes() == c.messageBytes()).findFirst().orElse(null);
            Measured<Rate> m = row != null ? row.measured() : Measured.absent();
            Measured<Rate> raw = row != null ? row.baseline() : Measured.absent();
            Measured<Rate> b = c.baseline();
            List<String> cells = new ArrayList<>(List.of(c.transport(), size(c.messageBytes())));
            cells.add(m.isOk() ? grouped(m.value().messagesPerSecond()) : m.isAbsent() ? "-" : FAILED);
            cells.add(c.baselineName());
            cells.add(b.isOk() ? grouped(b.value().messagesPerSecond()) : b.isAbsent() ? "-" : FAILED);
            cells.add(b.isOk() ? fixed(b.value().megabytesPerSecond(), 1) : "-");
            cells.add(b.isOk() && raw.isOk() ? ratio(OptionalDouble.of(b.value().messagesPerSecond() / raw.value().messagesPerSecond())) : "-");
            cells.add(b.isOk() && m.isOk() ? ratio(OptionalDouble.of(m.value().messagesPerSecond() / b.value().messagesPerSecond())) : "-");
            table.add(cells);
            noteFailure(failures, c.transport() + " " + size(c.messageBytes()) + " " + c.baselineName(), b);
        }
        out.append(table.render());
        failures.forEach(f -> out.append("  ").append(f).append('\n'));
    }

    private static void latencyComparisons(StringBuilder out, BenchResult result) {
        out.append("""
                MORE ROUND-TRIP BASELINES: two rings between two forked JVMs, a message of the same size out and back,
                timed per round trip; the raw one waits as the reference endpoint does (spin 20 us, then park 10-500 us),
                Agrona's spins then yields; each the best batch by mean of %1$d runs of %2$d timed batches, in turns with the
                endpoints' runs. ratio = implementation / baseline (above 1 = slower); median ratio p50 = the median of the
                implementation's %1$d runs' p50 / the baseline's median, which does not follow one lucky run.
                """.formatted(BenchOptions.ROUNDS, BenchOptions.TIMED_BATCHES));
        TextTable table = new TextTable(Set.of(0, 1, 5), "transport", "size", "p50 us", "p99 us", "mean us", "baseline", "base p50",
                "base p99", "base mean", "ratio p50", "ratio p99", "ratio mean", "median ratio p50");
        List<String> failures = new ArrayList<>();
        for (BenchResult.LatencyComparison c : result.latencyComparisons()) {
            LatencyRow row = result.latency().stream().filter(r -> r.transport().equals(c.transport())).findFirst().orElse(null);
            Measured<RoundTrip> m = row != null ? row.measured() : Measured.absent();
            Measured<Percentiles> b = c.baseline();
            List<String> cells = new ArrayList<>(List.of(c.transport(), size(c.messageBytes())));
            if (m.isOk()) {
                cells.addAll(List.of(micros(m.value().perMessage().p50()), micros(m.value().perMessage().p99()), micros(m.value().meanNanos())));
            } else {
                cells.addAll(List.of(m.isAbsent() ? "-" : FAILED, "", ""));
            }
            cells.add(c.baselineName());
            cells.add(b.isOk() ? micros(b.value().p50()) : b.isAbsent() ? "-" : FAILED);
            cells.add(b.isOk() ? micros(b.value().p99()) : "-");
            cells.add(b.isOk() ? micros(b.value().mean()) : "-");
            boolean both = m.isOk() && b.isOk();
            cells.add(both ? ratio(OptionalDouble.of((double) m.value().perMessage().p50() / b.value().p50())) : "-");
            cells.add(both ? ratio(OptionalDouble.of((double) m.value().perMessage().p99() / b.value().p99())) : "-");
            cells.add(both ? ratio(OptionalDouble.of(m.value().meanNanos() / b.value().mean())) : "-");
            cells.add(ratio(c.medianRatioP50()));
            table.add(cells);
            noteFailure(failures, c.transport() + " " + c.baselineName(), b);
        }
        out.append(table.render());
        failures.forEach(f -> out.append("  ").append(f).append('\n'));
    }

    private static void latency(StringBuilder out, List<LatencyRow> rows, Extra extra) {
        out.append("""
                ROUND TRIP: synchronous send_many into a synchronous receive_many, one message in flight; the best batch by
                mean of %1$d runs, each a fresh pair of endpoints timing %2$d batches after untimed ones (two at least, for 2 s
                at least; each baseline likewise, the runs in turns). A synchronous send returns once the receiver has collected the message,
                so each send_begin..send_end is a round trip: message out, collection, acknowledgement back. p50/p99: per message, the sender's own send_ns of an unsampled run (or,
                from a sender without send_ns, a run with sample_every=1, whose sends also include writing event lines).
                mean: the same run, (last send_end - first send_begin) / count. one-way: the receiver's latency_ns
                (recv_end - sent_t) of that run. Baseline: raw UDS ping-pong between two forked JVMs (frame of the same size out, 8-byte ack
                frame back), timed per round trip. ratio = implementation / baseline (above 1 = slower).
                """.formatted(BenchOptions.ROUNDS, BenchOptions.TIMED_BATCHES));
        TextTable table = new TextTable(Set.of(0, 1), "transport", "size", "round trips", "p50 us", "p99 us", "mean us", "1-way p50",
                "1-way p99", "base p50", "base p99", "ratio p50", "ratio p99");
        if (extra != null) {
            table.addColumn(extra.title());
        }
        List<String> failures = new ArrayList<>();
        for (LatencyRow row : rows) {
            String label = row.transport() + " round trip";
            List<String> cells = new ArrayList<>(List.of(row.transport(), size(row.messageBytes())));
            Measured<RoundTrip> m = row.measured();
            if (m.isOk()) {
                RoundTrip r = m.value();
                cells.addAll(List.of(grouped(r.perMessage().count()), micros(r.perMessage().p50()), micros(r.perMessage().p99()),
                        micros(r.meanNanos()), micros(r.oneWayP50()), micros(r.oneWayP99())));
            } else {
                cells.addAll(List.of("", FAILED, "", "", "", ""));
            }
            Measured<Percentiles> b = row.baseline();
            cells.add(b.isOk() ? micros(b.value().p50()) : b.isAbsent() ? "-" : FAILED);
            cells.add(b.isOk() ? micros(b.value().p99()) : "-");
            boolean both = m.isOk() && b.isOk();
            cells.add(both ? ratio(OptionalDouble.of((double) m.value().perMessage().p50() / b.value().p50())) : "-");
            cells.add(both ? ratio(OptionalDouble.of((double) m.value().perMessage().p99() / b.value().p99())) : "-");
            if (extra != null) {
                cells.add(extra.latency().apply(row));
            }
            table.add(cells);
            noteFailure(failures, label, m);
            noteFailure(failures, label + " baseline", b);
        }
        out.append(table.render());
        failures.forEach(f -> out.append("  ").append(f).append('\n'));
    }

    private static void startup(StringBuilder out, StartupRow row, Extra extra) {
        out.append("""
                START-UP: from just before the process is started to the arrival of its hello line on stdout, after one
                untimed start of each (warm page cache); endpoint and bare-JVM starts alternate.
                Baseline: a bare JVM (java -cp <classes> HelloBaseline) that prints one line.
                ratio = endpoint median / bare JVM median.
                """);
        TextTable table = new TextTable(Set.of(0), "command", "starts", "median ms", "p90 ms", "max ms", "ratio");
        if (extra != null) {
            table.addColumn(extra.title());
        }
        List<String> failures = new ArrayList<>();
        List<String> endpoint = startupCells("endpoint", row.endpoint());
        endpoint.add(ratio(row.ratio()));
        if (extra != null) {
            endpoint.add(extra.startup().apply(row));
        }
        table.add(endpoint);
        List<String> bare = startupCells("bare JVM", row.bareJvm());
        bare.add("");
        if (extra != null) {
            bare.add("");
        }
        table.add(bare);
        noteFailure(failures, "endpoint start-up", row.endpoint());
        noteFailure(failures, "bare JVM start-up", row.bareJvm());
        out.append(table.render());
        failures.forEach(f -> out.append("  ").append(f).append('\n'));
    }

    private static List<String> startupCells(String name, Measured<Percentiles> p) {
        if (!p.isOk()) {
            return new ArrayList<>(List.of(name, "", p.isAbsent() ? "-" : FAILED, "", ""));
        }
        Percentiles v = p.value();
        return new ArrayList<>(List.of(name, grouped(v.count()), millis(v.p50()), millis(v.p90()), millis(v.max())));
    }

    private static void noteFailure(List<String> failures, String label, Measured<?> outcome) {
        if (!outcome.isOk() && !outcome.isAbsent()) {
            failures.add(label + ": " + brief(outcome.failure()));
        }
    }

    /**
     * The first line of a failure, and the last few lines of what follows (an endpoint's stderr,
     * usually, where the exception that ended it is), indented under it.
     */
    static String brief(String failure) {
        List<String> lines = failure.strip().lines().filter(l -> !l.isBlank()).toList();
        if (lines.size() <= 1) {
            return failure.strip();
        }
        StringBuilder out = new StringBuilder(lines.get(0));
        List<String> rest = lines.subList(1, lines.size());
        if (rest.size() > 4) {
            out.append("\n      | ...");
            rest = rest.subList(rest.size() - 4, rest.size());
        }
        for (String line : rest) {
            out.append("\n      | ").append(line.length() > 160 ? line.substring(0, 160) + "..." : line);
        }
        return out.toString();
    }

    static String size(int bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " B";
    }

    static String grouped(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    static String micros(double nanos) {
        return fixed(nanos / 1e3, 1);
    }

    static String millis(double nanos) {
        return fixed(nanos / 1e6, 1);
    }

    static String ratio(OptionalDouble ratio) {
        return ratio.isPresent() ? fixed(ratio.getAsDouble(), 2) : "-";
    }
}
