package org.ipcspec.harness.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ipcspec.harness.bench.SweepPoint;

/**
 * Latency against offered load, the chart wrk2 users read: offered rate along the x axis and
 * latency up the y axis, both on log scales, one colour per transport, p99 as a solid line and
 * p50 dashed. Where a transport stops keeping up the line turns up sharply (the knee: its
 * capacity); a point past it is drawn hollow, since its latency is its queue's.
 */
public final class LoadSweepSvg {

    private static final double LEFT = 80;
    private static final double TOP = 56;
    private static final double PLOT_WIDTH = 520;
    private static final double PLOT_HEIGHT = 300;
    private static final String[] COLOURS = {"#08519c", "#d95f02", "#1b9e77", "#7570b3"};

    private LoadSweepSvg() {
    }

    public static void write(List<SweepPoint> points, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, render(points));
    }

    public static String render(List<SweepPoint> points) {
        double bottom = TOP + PLOT_HEIGHT;
        double width = LEFT + PLOT_WIDTH + 170;
        double height = bottom + 64;
        XmlWriter svg = XmlWriter.svg(width, height, 11);
        String title = "Latency against offered load (one way, 64 B, from each message's due time)";
        svg.element("title", title);
        svg.empty("rect", "x", 0, "y", 0, "width", width, "height", height, "fill", "#ffffff");
        svg.element("text", title, "class", "heading", "x", 12, "y", 22, "font-size", 15, "font-weight", "bold", "fill", "#222222");
        if (points.isEmpty()) {
            svg.element("text", "No sweep points were measured.", "class", "empty-note", "x", LEFT, "y", TOP + 30, "fill", "#555555");
            svg.end();
            return svg.finish();
        }
        List<Long> latencies = new ArrayList<>();
        points.forEach(p -> {
            latencies.add(Math.max(1, p.p50Ns()));
            latencies.add(Math.max(1, p.p99Ns()));
        });
        LatencyChartSvg.ValueAxis axis = LatencyChartSvg.ValueAxis.of(latencies, bottom, PLOT_HEIGHT);
        double lowRate = Math.pow(10, Math.floor(Math.log10(points.stream().mapToLong(SweepPoint::offered).min().orElse(1))));
        double highRate = Math.pow(10, Math.ceil(Math.log10(points.stream().mapToLong(SweepPoint::offered).max().orElse(10))));
        if (highRate <= lowRate) {
            highRate = lowRate * 10;
        }
        double lowLog = Math.log10(lowRate);
        double span = Math.log10(highRate) - lowLog;

        axis.draw(svg, LEFT, TOP, PLOT_WIDTH);
        svg.start("g", "class", "x-axis");
        svg.empty("line", "x1", LEFT, "y1", bottom, "x2", LEFT + PLOT_WIDTH, "y2", bottom, "stroke", "#444444");
        for (double rate = lowRate; rate <= highRate * 1.0001; rate *= 10) {
            double x = LEFT + PLOT_WIDTH * (Math.log10(rate) - lowLog) / span;
            svg.empty("line", "x1", x, "y1", TOP, "x2", x, "y2", bottom + 4, "stroke", "#000000", "stroke-opacity", 0.1);
            svg.element("text", rateLabel(rate), "class", "tick", "x", x, "y", bottom + 17, "text-anchor", "middle", "fill", "#333333");
        }
        svg.element("text", "offered rate (messages a second, log scale)", "class", "x-label", "x", LEFT + PLOT_WIDTH / 2,
                "y", bottom + 36, "text-anchor", "middle", "fill", "#333333");
        svg.end();

        Map<String, List<SweepPoint>> byTransport = new LinkedHashMap<>();
        points.forEach(p -> byTransport.computeIfAbsent(p.transport(), t -> new ArrayList<>()).add(p));
        int i = 0;
        for (Map.Entry<String, List<SweepPoint>> entry : byTransport.entrySet()) {
            String colour = COLOURS[i % COLOURS.length];
            svg.start("g", "class", "series", "data-transport", entry.getKey());
            for (boolean p99 : new boolean[] {true, false}) {
                StringBuilder line = new StringBuilder();
                for (SweepPoint p : entry.getValue()) {
                    line.append(line.length() == 0 ? "M" : " L").append(XmlWriter.format(x(p, lowLog, span))).append(' ')
                            .append(XmlWriter.format(axis.y((p99 ? p.p99Ns() : p.p50Ns()) / 1000.0)));
                }
                svg.empty("path", "d", line.toString(), "fill", "none", "stroke", colour, "stroke-width", p99 ? 2 : 1.5,
                        "stroke-dasharray", p99 ? "none" : "5 4");
            }
            for (SweepPoint p : entry.getValue()) {
                svg.start("g", "class", p.keptUp() ? "point" : "point past-capacity");
                svg.element("title", String.format(Locale.ROOT, "%s at %,d msg/s offered (%,.0f achieved): p50 %s us, p99 %s us%s",
                        p.transport(), p.offered(), p.achieved(), LatencyChartSvg.ValueAxis.label(p.p50Ns() / 1000.0),
                        LatencyChartSvg.ValueAxis.label(p.p99Ns() / 1000.0), p.keptUp() ? "" : " (past capacity: the queue)"));
                svg.empty("circle", "cx", x(p, lowLog, span), "cy", axis.y(p.p99Ns() / 1000.0), "r", 4,
                        "fill", p.keptUp() ? colour : "#ffffff", "stroke", colour, "stroke-width", 1.5);
                svg.end();
            }
            svg.end();
            double legendY = TOP + 12 + i * 18;
            svg.empty("line", "x1", LEFT + PLOT_WIDTH + 12, "y1", legendY - 4, "x2", LEFT + PLOT_WIDTH + 32, "y2", legendY - 4,
                    "stroke", colour, "stroke-width", 2);
            svg.element("text", entry.getKey(), "class", "legend", "x", LEFT + PLOT_WIDTH + 38, "y", legendY, "fill", colour);
            i++;
        }
        double noteY = TOP + 12 + i * 18 + 10;
        svg.element("text", "solid: p99, dashed: p50", "class", "legend", "x", LEFT + PLOT_WIDTH + 12, "y", noteY, "fill", "#333333",
                "font-size", 10);
        svg.element("text", "hollow: past capacity", "class", "legend", "x", LEFT + PLOT_WIDTH + 12, "y", noteY + 14, "fill", "#333333",
                "font-size", 10);
        svg.end();
        return svg.finish();
    }

    private static double x(SweepPoint p, double lowLog, double span) {
        return LEFT + PLOT_WIDTH * (Math.log10(p.offered()) - lowLog) / span;
    }

    static String rateLabel(double rate) {
        if (rate >= 1e6) {
            return String.format(Locale.ROOT, "%.0fM", rate / 1e6);
        }
        return rate >= 1e3 ? String.format(Locale.ROOT, "%.0fk", rate / 1e3) : String.format(Locale.ROOT, "%.0f", rate);
    }
}
