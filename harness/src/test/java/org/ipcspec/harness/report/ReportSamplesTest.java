package org.ipcspec.harness.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ipcspec.harness.report.Timeline.Kind;
import org.junit.jupiter.api.Test;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;
import org.ipcspec.harness.spec.Vocabulary;

/**
 * Writes sample outputs to harness/target/report-samples for a person to look at (render the SVGs
 * to PNG with a browser if wanted; these tests only check that the files parse).
 */
class ReportSamplesTest {

    @Test
    void writesSampleTimeline() throws Exception {
        check(Samples.DIR.resolve("timeline.svg"), f -> TimelineSvg.write(Samples.scenario(), f));
    }

    @Test
    void writesSampleBulkTimeline() throws Exception {
        Timeline.Builder b = Timeline.builder("Throughput: async-send/async-receive over socket, 1000 sampled messages");
        b.lane("sender").lane("receiver");
        for (int i = 0; i < 1000; i++) {
            long t = Samples.T0 + 50_000L * i;
            b.call("sender", Kind.SEND, "send #" + (i * 100 + 1), t, t + 3_000, i % 97 == 0 ? "full" : "ok");
            b.call("receiver", Kind.RECEIVE, "receive", t + 20_000, t + 24_000, "message");
            b.message(i * 100 + 1, "sender", t, "receiver", t + 24_000);
        }
        check(Samples.DIR.resolve("timeline-bulk.svg"), f -> TimelineSvg.write(b.build(), f));
    }

    @Test
    void writesSampleLatencyChart() throws Exception {
        check(Samples.DIR.resolve("latency.svg"),
            f -> LatencyChartSvg.write("Latency, 64 B messages", LatencyChartSvgTest.SERIES, LatencyChartSvgTest.THRESHOLDS, f));
    }

    @Test
    void writesSampleMatrixPage() throws Exception {
        check(Samples.DIR.resolve("matrix.html"), f -> MatrixPage.write("ipcspec conformance: reference implementation", matrixSample(), f));
        Files.writeString(Samples.DIR.resolve("summary.txt"), SummaryTable.render(matrixSample()));
    }

    /** Every rule on every transport and combination, with a few failures to look at. */
    static List<ScenarioResult> matrixSample() {
        List<ScenarioResult> out = new java.util.ArrayList<>(MatrixPageTest.results());
        for (String transport : Vocabulary.TRANSPORTS) {
            for (String combination : Vocabulary.COMBINATIONS) {
                for (String rule : List.of("S1", "S2", "R1", "R2", "O1", "O2", "T1")) {
                    boolean applies = !(rule.startsWith("S1") && combination.startsWith("async-send"))
                        && !(rule.startsWith("S2") && combination.startsWith("sync-send"))
                        && !(rule.startsWith("R1") && combination.endsWith("async-receive"))
                        && !(rule.startsWith("R2") && combination.endsWith("/sync-receive"));
                    if (applies) {
                        Outcome o = transport.equals("file") && rule.equals("T1") && combination.startsWith("sync") ? Outcome.FAILED : Outcome.PASSED;
                        out.add(Rows.row(rule + " on " + transport + " " + combination, List.of(rule), transport, combination, o,
                            transport + "/" + rule + "-" + combination.replace('/', '_') + ".html"));
                    }
                }
            }
        }
        out.add(Rows.row("throughput 64 B", List.of("THROUGHPUT"), "shm", "async-send/async-receive", Outcome.PASSED, "shm/tp.html"));
        out.add(Rows.row("latency 64 B", List.of("LATENCY"), "socket", "sync-send/sync-receive", Outcome.PASSED, "socket/lat.html"));
        return out;
    }

    private interface Writer {
        void write(Path file) throws Exception;
    }

    private static void check(Path file, Writer writer) throws Exception {
        writer.write(file);
        assertTrue(Files.size(file) > 500);
        Xml.parse(Files.readString(file));
    }
}
