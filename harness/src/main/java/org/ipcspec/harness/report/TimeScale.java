package org.ipcspec.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps monotonic nanoseconds to x pixels, relative to the earliest time of a timeline, and
 * chooses axis ticks at 1, 2 or 5 times a power of ten milliseconds, so labels read as round
 * numbers whatever the span (a 40 us scenario and a 60 s bulk run alike).
 */
final class TimeScale {

    /** A span shorter than this (a single instant, an empty timeline) is widened to it: 1 us. */
    static final long MIN_SPAN_NS = 1_000L;
    private static final int TARGET_TICKS = 10;

    private final long originNs;
    private final long spanNs;
    private final double x0;
    private final double width;

    /**
     * @param originNs the earliest time, drawn at {@code x0}
     * @param lastNs   the latest time, drawn at {@code x0 + width}
     */
    TimeScale(long originNs, long lastNs, double x0, double width) {
        this.originNs = originNs;
        this.spanNs = Math.max(MIN_SPAN_NS, lastNs - originNs);
        this.x0 = x0;
        this.width = width;
    }

    double x(long ns) {
        return x0 + (double) (ns - originNs) * width / spanNs;
    }

    double left() {
        return x0;
    }

    double right() {
        return x0 + width;
    }

    long originNs() {
        return originNs;
    }

    record Tick(double x, String label) {
    }

    /** Ticks from the origin to the end of the span, labelled in ms. */
    List<Tick> ticks() {
        double stepNs = niceStep(spanNs, TARGET_TICKS);
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(stepNs / 1e6) + 1e-9));
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i * stepNs <= spanNs * (1 + 1e-9); i++) {
            double ns = i * stepNs;
            ticks.add(new Tick(x0 + ns * width / spanNs, String.format(Locale.ROOT, "%." + decimals + "f", ns / 1e6)));
        }
        return ticks;
    }

    /** The 1/2/5 x 10^k step that cuts {@code span} into about {@code target} pieces. */
    static double niceStep(double span, int target) {
        double raw = span / target;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /** A time relative to the origin, exact to the nanosecond: "12.345678 ms". */
    String relative(long ns) {
        return String.format(Locale.ROOT, "%.6f ms", (ns - originNs) / 1e6);
    }

    static String duration(long ns) {
        return String.format(Locale.ROOT, "%.6f ms", ns / 1e6);
    }
}
