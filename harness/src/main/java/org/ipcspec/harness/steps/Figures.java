package org.ipcspec.harness.steps;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import org.ipcspec.harness.check.Figure;
import org.ipcspec.harness.check.Verdict;
import org.ipcspec.harness.profile.LatencyBounds;
import org.ipcspec.harness.profile.Threshold;
import org.ipcspec.harness.report.LatencyChartSvg;
import org.ipcspec.harness.report.PercentileDistributionSvg;
import org.ipcspec.harness.report.LatencySeries;
import org.ipcspec.harness.report.LatencyThreshold;

/** The figures of a throughput run, as the checkers measured them, beside their thresholds: a table and a chart in the report. */
final class Figures {

    private Figures() {
    }

    static void attach(String transport, int size, List<Verdict> verdicts, JsonNode latency) {
        StringBuilder table = new StringBuilder("figure,measured,unit,threshold,met\n");
        table.append("transport,").append(transport).append(",,,\n").append("message bytes,").append(size).append(",,,\n");
        for (Verdict verdict : verdicts) {
            for (Figure figure : verdict.figures()) {
                table.append(String.format(Locale.ROOT, "%s,%.1f,%s,%s %s,%s%n", figure.name(), figure.value(), figure.unit(),
                        figure.relation(), figure.threshold(), figure.ok() ? "yes" : "NO"));
            }
        }
        for (String p : new String[] {"p50", "p90", "p99", "p999", "max"}) {
            JsonNode v = latency.path(p);
            table.append("latency ").append(p).append(',')
                    .append(v.isNumber() ? String.format(Locale.ROOT, "%.1f", v.asDouble() / 1000) : "-").append(",us,,\n");
        }
        ReportEnricher.attach("figures vs thresholds", "text/csv", table.toString(), ".csv");
    }

    /** The latency percentiles as a chart, with the profile's saturating p99 bound (not judged) as a dashed line when given. */
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

    /**
     * A latency run's percentile distribution (HdrHistogram's plot) with the profile's bounds as a
     * red step, attached to the Allure result; nothing when the run reported no percentiles.
     */
    static void attachPercentileDistribution(String title, String name, JsonNode percentiles, LatencyBounds bounds) {
        if (!percentiles.path("p50").isNumber()) {
            return;
        }
        LatencySeries series = new LatencySeries(name, percentiles.path("p50").asLong(), percentiles.path("p90").asLong(),
                percentiles.path("p99").asLong(), percentiles.path("p999").asLong(), percentiles.path("max").asLong());
        List<LatencyThreshold> thresholds = bounds == null ? List.of() : bounds.byPercentile().entrySet().stream()
                .map(e -> new LatencyThreshold("", e.getKey(), (long) (e.getValue() * 1000))).toList();
        ReportEnricher.attach("latency by percentile", "image/svg+xml", PercentileDistributionSvg.render(title, series, thresholds), ".svg");
    }
}
