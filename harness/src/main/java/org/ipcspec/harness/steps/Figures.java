package org.ipcspec.harness.steps;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import org.ipcspec.harness.profile.Threshold;
import org.ipcspec.harness.report.LatencyChartSvg;
import org.ipcspec.harness.report.LatencySeries;
import org.ipcspec.harness.report.LatencyThreshold;

/** The measured figures of a throughput run beside their thresholds, as a table in the report. */
final class Figures {

    private Figures() {
    }

    static void attach(String transport, int size, long count, double seconds, double perSecond, JsonNode latency, Threshold threshold) {
        StringBuilder table = new StringBuilder("figure,measured,threshold\n");
        table.append(String.format(Locale.ROOT, "transport,%s,\nmessage bytes,%d,\nmessages,%d,\nseconds,%.3f,\n", transport, size, count, seconds));
        table.append(String.format(Locale.ROOT, "messages/s,%.0f,%s\n", perSecond,
                threshold == null || threshold.minMessagesPerSecond() == null ? "" : ">= " + threshold.minMessagesPerSecond().longValue()));
        table.append(String.format(Locale.ROOT, "MB/s,%.1f,\n", perSecond * size / 1e6));
        for (String p : new String[] {"p50", "p90", "p99", "p999", "max"}) {
            JsonNode v = latency.path(p);
            String bound = p.equals("p99") && threshold != null && threshold.maxP99Micros() != null ? "<= " + threshold.maxP99Micros() + " us" : "";
            table.append("latency ").append(p).append(" (us),").append(v.isNumber() ? String.format(Locale.ROOT, "%.1f", v.asDouble() / 1000) : "-")
                    .append(',').append(bound).append('\n');
        }
        ReportEnricher.attach("figures vs thresholds", "text/csv", table.toString(), ".csv");
    }

    /** The latency percentiles as a chart, with the profile's p99 bound as a dashed line. */
    static void attachLatencyChart(String transport, int size, JsonNode latency, Threshold threshold) {
        if (!latency.path("p50").isNumber()) {
            return;
        }
        LatencySeries series = new LatencySeries(transport + ", " + size + " B", latency.path("p50").asLong(),
                latency.path("p90").asLong(), latency.path("p99").asLong(), latency.path("p999").asLong(), latency.path("max").asLong());
        List<LatencyThreshold> bounds = threshold == null || threshold.maxP99Micros() == null ? List.of()
                : List.of(new LatencyThreshold("", "p99", (long) (threshold.maxP99Micros() * 1000)));
        ReportEnricher.attach("latency percentiles", "image/svg+xml",
                LatencyChartSvg.render("Latency, send to collection (" + transport + ", " + size + " B)", List.of(series), bounds), ".svg");
    }
}
