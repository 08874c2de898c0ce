package org.ipcspec.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The percentile distribution of one latency run as HdrHistogram plots it: latency up the y axis,
 * percentile along the x axis on the "number of nines" scale (x = log10(1 / (1 - q)), so 90%,
 * 99% and 99.9% are evenly spaced and the tail gets the room), the measured percentiles joined
 * by a line, and the profile's bounds drawn as a red step: each bound holds from the percentile
 * before it up to its own, so the run meets its bounds when its line stays under the step. A
 * point over its bound is red. The y axis is the one {@link LatencyChartSvg} uses.
 */
public final class PercentileDistributionSvg {

    /** Where max is drawn: it has no percentile of its own, so one nine beyond the last named one. */
    static final double MAX_NINES = 4;
    private static final double LEFT = 80;
    private static final double TOP = 56;
    private static final double PLOT_WIDTH = 420;
    private static final double PLOT_HEIGHT = 280;
    private static final String RED = "#d00000";
    private static final String BLUE = "#08519c";

    private PercentileDistributionSvg() {
    }

    /** The x position, in nines, of a percentile name (p50 .. max). */
    static double nines(String percentile) {
        return switch (percentile) {
            case "p50" -> Math.log10(2);
            case "p90" -> 1;
            case "p99" -> 2;
            case "p999" -> 3;
            case "max" -> MAX_NINES;
            default -> throw new IllegalArgumentException("unknown percentile: percentile=" + percentile
                    + " known=" + LatencySeries.PERCENTILES);
        };
    }

    /** {@code thresholds} are for this series (their series name is not looked at). */
    public static String render(String title, LatencySeries series, List<LatencyThreshold> thresholds) {
        double bottom = TOP + PLOT_HEIGHT;
        double width = LEFT + PLOT_WIDTH + 150;
        double height = bottom + 64;
        XmlWriter svg = XmlWriter.svg(width, height, 11);
        svg.element("title", "Latency by percentile: " + title);
        svg.empty("rect", "x", 0, "y", 0, "width", width, "height", height, "fill", "#ffffff");
        svg.element("text", title, "class", "heading", "x", 12, "y", 22, "font-size", 15, "font-weight", "bold", "fill", "#222222");

        List<Long> all = Stream.concat(series.values().stream(), thresholds.stream().map(LatencyThreshold::maxNs)).toList();
        LatencyChartSvg.ValueAxis axis = LatencyChartSvg.ValueAxis.of(all, bottom, PLOT_HEIGHT);
        axis.draw(svg, LEFT, TOP, PLOT_WIDTH);
        svg.start("g", "class", "x-axis");
        svg.empty("line", "x1", LEFT, "y1", bottom, "x2", LEFT + PLOT_WIDTH, "y2", bottom, "stroke", "#444444");
        String[] names = {"0%", "90%", "99%", "99.9%", "99.99%"};
        for (int i = 0; i < names.length; i++) {
            double x = x(i);
            svg.empty("line", "x1", x, "y1", TOP, "x2", x, "y2", bottom + 4, "stroke", "#000000", "stroke-opacity", 0.1);
            svg.element("text", names[i], "class", "tick", "x", x, "y", bottom + 17, "text-anchor", "middle", "fill", "#333333");
        }
        svg.element("text", "percentile (log scale of 1 / (1 - q)); max drawn at 99.99%", "class", "x-label",
                "x", LEFT + PLOT_WIDTH / 2, "y", bottom + 36, "text-anchor", "middle", "fill", "#333333");
        svg.end();

        // The bounds as a step: bound i holds from the previous bound's percentile (0% for the first) to its own.
        List<LatencyThreshold> sorted = new ArrayList<>(thresholds);
        sorted.sort((a, b) -> Double.compare(nines(a.percentile()), nines(b.percentile())));
        if (!sorted.isEmpty()) {
            StringBuilder step = new StringBuilder();
            double from = 0;
            for (LatencyThreshold t : sorted) {
                double y = axis.y(t.maxNs() / 1000.0);
                double to = x(nines(t.percentile()));
                step.append(step.length() == 0 ? "M" : " L").append(XmlWriter.format(x(from))).append(' ').append(XmlWriter.format(y))
                        .append(" L").append(XmlWriter.format(to)).append(' ').append(XmlWriter.format(y));
                from = nines(t.percentile());
            }
            svg.start("g", "class", "thresholds");
            svg.empty("path", "d", step.toString(), "fill", "none", "stroke", RED, "stroke-width", 2, "stroke-dasharray", "6 4");
            for (LatencyThreshold t : sorted) {
                svg.element("text", String.format(Locale.ROOT, "%s <= %s us", t.percentile(), LatencyChartSvg.ValueAxis.label(t.maxNs() / 1000.0)),
                        "class", "threshold-label", "x", x(nines(t.percentile())) + 4, "y", axis.y(t.maxNs() / 1000.0) - 4,
                        "fill", RED);
            }
            svg.end();
        }

        svg.start("g", "class", "series");
        StringBuilder line = new StringBuilder();
        for (String p : LatencySeries.PERCENTILES) {
            line.append(line.length() == 0 ? "M" : " L").append(XmlWriter.format(x(nines(p)))).append(' ')
                    .append(XmlWriter.format(axis.y(series.value(p) / 1000.0)));
        }
        svg.empty("path", "d", line.toString(), "fill", "none", "stroke", BLUE, "stroke-width", 2);
        for (String p : LatencySeries.PERCENTILES) {
            double us = series.value(p) / 1000.0;
            boolean over = thresholds.stream().anyMatch(t -> t.percentile().equals(p) && series.value(p) > t.maxNs());
            double cx = x(nines(p));
            double cy = axis.y(us);
            svg.start("g", "class", over ? "point over" : "point");
            svg.element("title", String.format(Locale.ROOT, "%s: %s us%s", p, LatencyChartSvg.ValueAxis.label(us), over ? " (over its bound)" : ""));
            svg.empty("circle", "cx", cx, "cy", cy, "r", 4, "fill", over ? RED : BLUE);
            svg.element("text", p + " " + LatencyChartSvg.ValueAxis.label(us), "x", cx - 6, "y", cy - 8, "text-anchor", "end",
                    "fill", over ? RED : "#222222", "font-size", 10);
            svg.end();
        }
        svg.end();
        svg.element("text", series.name(), "class", "legend", "x", LEFT + PLOT_WIDTH + 12, "y", TOP + 12, "fill", BLUE);
        if (!thresholds.isEmpty()) {
            svg.element("text", "red step: the profile's bounds", "class", "legend", "x", LEFT + PLOT_WIDTH + 12, "y", TOP + 30,
                    "fill", RED, "font-size", 10);
        }
        svg.end();
        return svg.finish();
    }

    private static double x(double nines) {
        return LEFT + PLOT_WIDTH * nines / MAX_NINES;
    }
}
