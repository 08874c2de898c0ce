package org.ipcspec.harness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A grouped bar chart of latency percentiles: one group per {@link LatencySeries} (transport and
 * message size), one bar per percentile, the y axis in microseconds, each threshold a dashed red
 * line over the groups it applies to, and a bar above its own threshold outlined in red.
 *
 * <p>Tails are often a hundred times the median, which would flatten the median to nothing on a
 * linear axis: when the largest value is more than {@link #LOG_RATIO} times the smallest the
 * axis is logarithmic (decades), and it says so.
 */
public final class LatencyChartSvg {

    static final double LOG_RATIO = 20;
    private static final String[] BAR_COLOURS = {"#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"};
    private static final double LEFT = 80;
    private static final double TOP = 56;
    private static final double PLOT_HEIGHT = 300;
    private static final double BAR_WIDTH = 16;
    private static final double GROUP_GAP = 30;
    private static final String RED = "#d00000";

    private LatencyChartSvg() {
    }

    public static void write(String title, List<LatencySeries> series, List<LatencyThreshold> thresholds, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, render(title, series, thresholds), StandardCharsets.UTF_8);
    }

    public static String render(String title, List<LatencySeries> series, List<LatencyThreshold> thresholds) {
        int bars = LatencySeries.PERCENTILES.size();
        double groupWidth = bars * BAR_WIDTH + GROUP_GAP;
        double plotWidth = Math.max(240, series.size() * groupWidth);
        double width = LEFT + plotWidth + 130;
        double height = TOP + PLOT_HEIGHT + 70;
        double bottom = TOP + PLOT_HEIGHT;

        XmlWriter svg = XmlWriter.svg(width, height, 11);
        svg.element("title", "Latency: " + title);
        svg.empty("rect", "x", 0, "y", 0, "width", width, "height", height, "fill", "#ffffff");
        svg.element("text", title, "class", "heading", "x", 12, "y", 22, "font-size", 15, "font-weight", "bold", "fill", "#222222");

        List<Long> all = Stream.concat(series.stream().flatMap(s -> s.values().stream()),
            thresholds.stream().map(LatencyThreshold::maxNs)).toList();
        if (series.isEmpty()) {
            svg.element("text", "No latency figures were measured.", "class", "empty-note", "x", LEFT, "y", TOP + 30, "fill", "#555555");
            svg.end();
            return svg.finish();
        }
        ValueAxis axis = ValueAxis.of(all, bottom, PLOT_HEIGHT);
        axis.draw(svg, LEFT, TOP, plotWidth);
        svg.empty("line", "x1", LEFT, "y1", bottom, "x2", LEFT + plotWidth, "y2", bottom, "stroke", "#444444");

        for (int g = 0; g < series.size(); g++) {
            LatencySeries s = series.get(g);
            double gx = LEFT + GROUP_GAP / 2 + g * groupWidth;
            svg.start("g", "class", "series", "data-series", s.name());
            for (int b = 0; b < bars; b++) {
                String percentile = LatencySeries.PERCENTILES.get(b);
                long ns = s.values().get(b);
                double y = axis.y(ns / 1000.0);
                boolean over = thresholds.stream().anyMatch(t -> t.appliesTo(s) && t.percentile().equals(percentile) && ns > t.maxNs());
                svg.start("g", "class", over ? "bar over-threshold" : "bar", "data-percentile", percentile);
                svg.element("title", s.name() + " " + percentile + ": " + micros(ns) + " us (" + ns + " ns)" + (over ? " ABOVE THRESHOLD" : ""));
                svg.empty("rect", "x", gx + b * BAR_WIDTH, "y", y, "width", BAR_WIDTH - 2, "height", Math.max(0, bottom - y),
                    "fill", BAR_COLOURS[b], "stroke", over ? RED : "#2b5d8a", "stroke-width", over ? 2 : 0.5);
                svg.end();
            }
            svg.element("text", s.name(), "class", "series-name", "x", gx + bars * BAR_WIDTH / 2, "y", bottom + 16,
                "text-anchor", "middle", "fill", "#222222");
            svg.end();
        }

        for (LatencyThreshold t : thresholds) {
            List<Integer> groups = new ArrayList<>();
            for (int g = 0; g < series.size(); g++) {
                if (t.appliesTo(series.get(g))) {
                    groups.add(g);
                }
            }
            if (groups.isEmpty()) {
                continue;
            }
            double x1 = LEFT + groups.get(0) * groupWidth + 4;
            double x2 = LEFT + (groups.get(groups.size() - 1) + 1) * groupWidth - 4;
            double y = axis.y(t.maxNs() / 1000.0);
            String text = t.percentile() + " <= " + micros(t.maxNs()) + " us" + (t.series().isEmpty() ? "" : " (" + t.series() + ")");
            svg.start("g", "class", "threshold", "data-percentile", t.percentile(), "data-series", t.series());
            svg.element("title", "threshold: " + text);
            svg.empty("line", "x1", x1, "y1", y, "x2", x2, "y2", y, "stroke", RED, "stroke-width", 1.5, "stroke-dasharray", "6,4");
            svg.element("text", t.percentile() + " <= " + micros(t.maxNs()) + " us", "x", x1, "y", y - 3, "fill", RED, "font-size", 10,
                "stroke", "#ffffff", "stroke-width", 3, "paint-order", "stroke");
            svg.end();
        }

        svg.start("g", "class", "legend");
        double lx = LEFT + plotWidth + 30;
        for (int b = 0; b < bars; b++) {
            double ly = TOP + b * 18;
            svg.empty("rect", "x", lx, "y", ly, "width", 14, "height", 12, "fill", BAR_COLOURS[b], "stroke", "#2b5d8a", "stroke-width", 0.5);
            svg.element("text", LatencySeries.PERCENTILES.get(b), "x", lx + 20, "y", ly + 10, "fill", "#222222");
        }
        double ly = TOP + bars * 18 + 6;
        svg.empty("line", "x1", lx, "y1", ly + 6, "x2", lx + 14, "y2", ly + 6, "stroke", RED, "stroke-width", 1.5, "stroke-dasharray", "4,2");
        svg.element("text", "threshold", "x", lx + 20, "y", ly + 10, "fill", "#222222");
        svg.end();
        svg.end();
        return svg.finish();
    }

    static String micros(long ns) {
        double us = ns / 1000.0;
        return us >= 100 ? String.format(Locale.ROOT, "%.0f", us)
            : us >= 10 ? String.format(Locale.ROOT, "%.1f", us)
            : String.format(Locale.ROOT, "%.2f", us);
    }

    /** The y axis in microseconds: linear from zero, or logarithmic over whole decades. */
    record ValueAxis(boolean log, double lowUs, double highUs, double bottom, double height) {

        static ValueAxis of(List<Long> valuesNs, double bottom, double height) {
            double max = Math.max(1e-3, valuesNs.stream().mapToLong(Long::longValue).max().orElse(1) / 1000.0);
            double minPositive = valuesNs.stream().filter(v -> v > 0).mapToLong(Long::longValue).min().orElse(1) / 1000.0;
            if (max / minPositive > LOG_RATIO) {
                double low = Math.pow(10, Math.floor(Math.log10(minPositive)));
                double high = Math.pow(10, Math.ceil(Math.log10(max)));
                return new ValueAxis(true, low, high == low ? high * 10 : high, bottom, height);
            }
            double step = TimeScale.niceStep(max, 6);
            return new ValueAxis(false, 0, Math.ceil(max / step) * step, bottom, height);
        }

        /** The axis's label, its line from {@code top} to the bottom, and a tick with a grid line across {@code plotWidth} at each value. */
        void draw(XmlWriter svg, double left, double top, double plotWidth) {
            svg.element("text", log ? "latency (us, log scale)" : "latency (us)", "class", "y-label",
                    "x", 12, "y", 42, "fill", "#333333", "font-weight", "bold");
            svg.start("g", "class", "y-axis");
            svg.empty("line", "x1", left, "y1", top, "x2", left, "y2", bottom, "stroke", "#444444");
            for (double tick : ticks()) {
                double y = y(tick);
                svg.empty("line", "x1", left - 4, "y1", y, "x2", left + plotWidth, "y2", y, "stroke", "#000000", "stroke-opacity", 0.1);
                svg.element("text", label(tick), "class", "tick", "x", left - 7, "y", y + 4, "text-anchor", "end", "fill", "#333333");
            }
            svg.end();
        }

        double y(double us) {
            if (log) {
                double v = Math.max(us, lowUs);
                return bottom - height * (Math.log10(v) - Math.log10(lowUs)) / (Math.log10(highUs) - Math.log10(lowUs));
            }
            return bottom - height * us / highUs;
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                for (double v = lowUs; v <= highUs * 1.0001; v *= 10) {
                    ticks.add(v);
                }
            } else {
                double step = TimeScale.niceStep(highUs, 6);
                for (int i = 0; i * step <= highUs * 1.0001; i++) {
                    ticks.add(i * step);
                }
            }
            return ticks;
        }

        static String label(double us) {
            if (us == Math.rint(us)) {
                return String.format(Locale.ROOT, "%.0f", us);
            }
            return String.format(Locale.ROOT, "%s", new java.math.BigDecimal(us).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString());
        }
    }
}
