package org.ipcspec.harness.report;

import static org.ipcspec.harness.report.TimelineLayout.BAR;
import static org.ipcspec.harness.report.TimelineLayout.LANES_TOP;
import static org.ipcspec.harness.report.TimelineLayout.LEFT;
import static org.ipcspec.harness.report.TimelineLayout.PLOT_WIDTH;
import static org.ipcspec.harness.report.TimelineLayout.UNFINISHED_OVERHANG;
import static org.ipcspec.harness.report.TimelineLayout.WIDTH;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.ipcspec.harness.report.Timeline.Call;
import org.ipcspec.harness.report.Timeline.Kind;
import org.ipcspec.harness.report.Timeline.Mark;
import org.ipcspec.harness.report.Timeline.Message;
import org.ipcspec.harness.report.Timeline.Violation;

/**
 * Draws a {@link Timeline} as a standalone SVG: a time axis in ms from the earliest event, one
 * lane per process, each call a bar from its begin to its end (so blocked time shows as length)
 * coloured by its status, each message an arrow from the send to the receive that collected it,
 * marks as ticks, and violations in red on what they concern. Every element carries a
 * {@code <title>} tooltip with its exact times, and {@code class}/{@code data-*} attributes that
 * name what it is (tests and scripts read them).
 *
 * <p>Bulk runs can record thousands of calls: at most {@link #MAX_ARROWS} arrows and
 * {@link #MAX_BARS} bars are drawn, those concerned by a violation first, then the rest sampled evenly over the run; the
 * picture says how many were left out.
 */
public final class TimelineSvg {

    public static final int MAX_ARROWS = 300;
    public static final int MAX_BARS = 2000;
    /** A zero-length call still gets a visible sliver. */
    static final double MIN_BAR_WIDTH = 2;
    /** Above this many bars, short calls get 1 px so that gaps between them stay visible. */
    private static final int DENSE_BARS = 500;
    /** Above this many arrows the seq labels would only be noise; the tooltips still carry them. */
    private static final int MAX_SEQ_LABELS = 80;
    private static final int MAX_LISTED_VIOLATIONS = 30;
    /** Rough width of a character at the label font size, to avoid overlapping labels. */
    private static final double CHAR_WIDTH = 6.3;
    private static final int MAX_LANE_NAME = 20;
    static final String RED = "#e00000";
    private static final String MARK_COLOUR = "#6a1b9a";
    private static final String ARROW_COLOUR = "#37474f";

    private final Timeline timeline;
    private final TimelineLayout layout;
    private final TimeScale scale;
    private final XmlWriter svg = new XmlWriter();
    private final Map<Integer, List<Violation>> violationsByCall = new HashMap<>();
    private final Map<Integer, List<Violation>> violationsByMessage = new HashMap<>();
    private final List<Violation> freeViolations = new ArrayList<>();
    /** Where the last drawn call label of each lane row ends, so labels never overlap. */
    private final Map<String, Double> labelEnds = new HashMap<>();
    /** Drawn last, on top of every bar and arrow: the red rule ids. */
    private final List<Runnable> overlays = new ArrayList<>();
    private double minBarWidth = MIN_BAR_WIDTH;

    private TimelineSvg(Timeline timeline) {
        this.timeline = timeline;
        this.layout = new TimelineLayout(timeline);
        long[] times = allTimes(timeline).toArray();
        long origin = times.length == 0 ? 0 : LongStream.of(times).min().getAsLong();
        long last = times.length == 0 ? 0 : LongStream.of(times).max().getAsLong();
        this.scale = new TimeScale(origin, last, LEFT, PLOT_WIDTH);
        Set<Integer> callIds = timeline.calls().stream().map(Call::id).collect(Collectors.toSet());
        Set<Integer> messageIds = timeline.messages().stream().map(Message::id).collect(Collectors.toSet());
        for (Violation v : timeline.violations()) {
            if (v.callId().isPresent() && callIds.contains(v.callId().getAsInt())) {
                violationsByCall.computeIfAbsent(v.callId().getAsInt(), k -> new ArrayList<>()).add(v);
            } else if (v.messageId().isPresent() && messageIds.contains(v.messageId().getAsInt())) {
                violationsByMessage.computeIfAbsent(v.messageId().getAsInt(), k -> new ArrayList<>()).add(v);
            } else {
                freeViolations.add(v);
            }
        }
    }

    /** The SVG document for {@code timeline}. */
    public static String render(Timeline timeline) {
        return new TimelineSvg(timeline).draw();
    }

    /** Renders {@code timeline} into {@code file} (UTF-8), creating parent directories. */
    public static void write(Timeline timeline, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, render(timeline), StandardCharsets.UTF_8);
    }

    private static LongStream allTimes(Timeline t) {
        return LongStream.concat(
            LongStream.concat(
                t.calls().stream().flatMapToLong(c -> c.endNs().isPresent()
                    ? LongStream.of(c.beginNs(), c.endNs().getAsLong()) : LongStream.of(c.beginNs())),
                t.messages().stream().flatMapToLong(m -> LongStream.of(m.sentNs(), m.receivedNs()))),
            LongStream.concat(
                t.marks().stream().mapToLong(Mark::atNs),
                t.violations().stream().mapToLong(Violation::atNs)));
    }

    private String draw() {
        List<Call> bars = capped(timeline.calls(), MAX_BARS, c -> violationsByCall.containsKey(c.id()), Call::beginNs);
        List<Message> arrows = capped(timeline.messages(), MAX_ARROWS, m -> violationsByMessage.containsKey(m.id()), Message::sentNs);
        int listed = Math.min(timeline.violations().size(), MAX_LISTED_VIOLATIONS);
        boolean empty = layout.lanes().isEmpty();
        double legendY = (empty ? LANES_TOP + 30 : layout.lanesBottom()) + 26;
        double height = legendY + 26 + (timeline.violations().isEmpty() ? 0 : 22 + listed * 15
            + (timeline.violations().size() > listed ? 15 : 0)) + 8;

        svg.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.start("svg", "xmlns", "http://www.w3.org/2000/svg", "width", WIDTH, "height", height,
            "viewBox", "0 0 " + XmlWriter.format(WIDTH) + " " + XmlWriter.format(height),
            "font-family", "DejaVu Sans, Arial, Helvetica, sans-serif", "font-size", 10);
        svg.element("title", "Timeline: " + timeline.title());
        defs();
        svg.empty("rect", "x", 0, "y", 0, "width", WIDTH, "height", height, "fill", "#ffffff");
        header(bars.size(), arrows.size());
        if (empty) {
            svg.element("text", "Empty timeline: nothing was recorded.", "class", "empty-note",
                "x", LEFT, "y", LANES_TOP + 20, "font-size", 13, "fill", "#555555");
        } else {
            lanes();
            axis();
            marks();
            minBarWidth = bars.size() > DENSE_BARS ? 1 : MIN_BAR_WIDTH;
            for (Call call : bars) {
                bar(call);
            }
            boolean seqLabels = arrows.size() <= MAX_SEQ_LABELS;
            // Many arrows would merge into a dark block; lighter ones show the flow as a density.
            double opacity = arrows.size() <= MAX_SEQ_LABELS ? 0.8 : Math.max(0.15, 0.8 * MAX_SEQ_LABELS / arrows.size());
            for (Message message : arrows) {
                arrow(message, seqLabels, opacity);
            }
            freeViolations();
            overlays.forEach(Runnable::run);
        }
        legend(legendY);
        violationList(legendY + 34, listed);
        svg.end();
        return svg.finish();
    }

    /**
     * At most {@code max} elements, in time order: every violating one, then the others sampled
     * evenly over the run (not the earliest, which would crowd into one corner of a bulk run).
     */
    static <T> List<T> capped(List<T> all, int max, Predicate<T> violating, ToLongFunction<T> time) {
        if (all.size() <= max) {
            return all;
        }
        List<T> chosen = new ArrayList<>(all.stream().filter(violating).limit(max).toList());
        List<T> others = all.stream().filter(violating.negate()).sorted(Comparator.comparingLong(time)).toList();
        int room = max - chosen.size();
        for (int i = 0; i < room; i++) {
            chosen.add(others.get((int) ((long) i * others.size() / room)));
        }
        chosen.sort(Comparator.comparingLong(time));
        return chosen;
    }

    private void defs() {
        svg.start("defs");
        for (String[] marker : new String[][] {{"arrow", ARROW_COLOUR}, {"arrow-red", RED}}) {
            svg.start("marker", "id", marker[0], "viewBox", "0 0 10 10", "refX", 9, "refY", 5,
                "markerWidth", 7, "markerHeight", 7, "orient", "auto-start-reverse");
            svg.empty("path", "d", "M0,0 L10,5 L0,10 z", "fill", marker[1]);
            svg.end();
        }
        svg.start("linearGradient", "id", "unfinished-fade", "x1", 0, "y1", 0, "x2", 1, "y2", 0);
        svg.empty("stop", "offset", "0", "stop-color", Tone.BLOCKED.fill, "stop-opacity", 1);
        svg.empty("stop", "offset", "1", "stop-color", Tone.BLOCKED.fill, "stop-opacity", 0.05);
        svg.end();
        svg.start("pattern", "id", "hatch", "width", 6, "height", 6, "patternUnits", "userSpaceOnUse",
            "patternTransform", "rotate(45)");
        svg.empty("line", "x1", 0, "y1", 0, "x2", 0, "y2", 6, "stroke", Tone.BLOCKED.stroke, "stroke-width", 1.5, "stroke-opacity", 0.45);
        svg.end();
        svg.end();
    }

    private void header(int barsDrawn, int arrowsDrawn) {
        svg.element("text", timeline.title().isEmpty() ? "Timeline" : timeline.title(), "class", "heading",
            "x", 12, "y", 22, "font-size", 15, "font-weight", "bold", "fill", "#222222");
        StringBuilder facts = new StringBuilder()
            .append(plural(layout.lanes().size(), "lane")).append(" · ")
            .append(plural(timeline.calls().size(), "call")).append(" · ")
            .append(plural(timeline.messages().size(), "message")).append(" · ")
            .append(plural(timeline.violations().size(), "violation"))
            .append(" · time in ms from the earliest event (t0 = ").append(scale.originNs()).append(" ns, CLOCK_MONOTONIC)");
        svg.element("text", facts.toString(), "class", "facts", "x", 12, "y", 40, "fill", "#555555");
        List<String> notes = new ArrayList<>();
        if (timeline.messages().size() > arrowsDrawn) {
            notes.add((timeline.messages().size() - arrowsDrawn) + " more messages not drawn (showing " + arrowsDrawn
                + " of " + timeline.messages().size() + ": violations first, then evenly over the run)");
        }
        if (timeline.calls().size() > barsDrawn) {
            notes.add((timeline.calls().size() - barsDrawn) + " more calls not drawn (showing " + barsDrawn
                + " of " + timeline.calls().size() + ", sampled evenly)");
        }
        if (!notes.isEmpty()) {
            svg.element("text", String.join("; ", notes), "class", "capped-note", "x", 12, "y", 56,
                "fill", "#b26a00", "font-weight", "bold");
        }
    }

    private void lanes() {
        int i = 0;
        for (String lane : layout.lanes()) {
            double top = layout.laneTop(lane);
            double h = layout.laneHeight(lane);
            svg.start("g", "class", "lane", "data-lane", lane);
            svg.element("title", "lane: " + lane);
            svg.empty("rect", "x", 0, "y", top, "width", WIDTH, "height", h, "fill", i++ % 2 == 0 ? "#f7f7f7" : "#eeeeee");
            svg.empty("line", "x1", 0, "y1", top + h, "x2", WIDTH, "y2", top + h, "stroke", "#d0d0d0");
            String name = lane.length() > MAX_LANE_NAME ? lane.substring(0, MAX_LANE_NAME - 1) + "…" : lane;
            svg.element("text", name, "class", "lane-name", "x", LEFT - 10, "y", layout.barTop(lane, 0) + BAR - 2,
                "text-anchor", "end", "font-size", 12, "font-weight", "bold", "fill", "#222222");
            svg.end();
        }
    }

    private void axis() {
        double y = LANES_TOP - 6;
        svg.start("g", "class", "axis");
        svg.empty("line", "x1", scale.left(), "y1", y, "x2", scale.right(), "y2", y, "stroke", "#444444");
        for (TimeScale.Tick tick : scale.ticks()) {
            svg.empty("line", "x1", tick.x(), "y1", y, "x2", tick.x(), "y2", layout.lanesBottom(),
                "stroke", "#000000", "stroke-opacity", 0.08);
            svg.empty("line", "x1", tick.x(), "y1", y - 4, "x2", tick.x(), "y2", y, "stroke", "#444444");
            svg.element("text", tick.label(), "class", "tick", "x", tick.x(), "y", y - 7, "text-anchor", "middle", "fill", "#333333");
        }
        svg.element("text", "ms", "x", scale.right() + 14, "y", y - 7, "fill", "#333333", "font-weight", "bold");
        svg.end();
    }

    private void marks() {
        Map<String, Double> labelEnd = new HashMap<>();
        for (Mark mark : timeline.marks().stream().sorted(Comparator.comparingLong(Mark::atNs)).toList()) {
            double x = scale.x(mark.atNs());
            double top = layout.laneTop(mark.lane());
            svg.start("g", "class", "mark", "data-lane", mark.lane());
            svg.element("title", mark.label() + " (" + mark.lane() + ") at " + scale.relative(mark.atNs()) + ", t=" + mark.atNs() + " ns");
            svg.empty("line", "x1", x, "y1", top + 2, "x2", x, "y2", top + layout.laneHeight(mark.lane()) - 2,
                "stroke", MARK_COLOUR, "stroke-width", 1.5, "stroke-dasharray", "4,2");
            double end = labelEnd.getOrDefault(mark.lane(), Double.NEGATIVE_INFINITY);
            if (x + 3 >= end) {
                svg.element("text", mark.label(), "x", x + 3, "y", layout.markLabelY(mark.lane()), "fill", MARK_COLOUR, "font-size", 9);
                labelEnd.put(mark.lane(), x + 3 + mark.label().length() * CHAR_WIDTH * 0.9 + 4);
            }
            svg.end();
        }
    }

    private void bar(Call call) {
        Tone tone = call.finished() ? Tone.of(call.status()) : Tone.BLOCKED;
        List<Violation> violations = violationsByCall.getOrDefault(call.id(), List.of());
        double x1 = scale.x(call.beginNs());
        double x2 = call.finished() ? scale.x(call.endNs().getAsLong()) : scale.right() + UNFINISHED_OVERHANG;
        double w = Math.max(minBarWidth, x2 - x1);
        double y = layout.barTop(call);
        svg.start("g", "class", violations.isEmpty() ? "call" : "call violated", "data-call", call.id(),
            "data-lane", call.lane(), "data-kind", call.kind().name().toLowerCase(Locale.ROOT),
            "data-status", call.finished() ? call.status() : "unfinished");
        svg.element("title", callTooltip(call, violations));
        String stroke = violations.isEmpty() ? tone.stroke : RED;
        double strokeWidth = violations.isEmpty() ? 1 : 2.5;
        if (call.finished()) {
            svg.empty("rect", "class", "bar", "x", x1, "y", y, "width", w, "height", BAR, "rx", 1.5,
                "fill", tone.fill, "stroke", stroke, "stroke-width", strokeWidth);
        } else {
            svg.empty("rect", "class", "bar unfinished", "x", x1, "y", y, "width", w, "height", BAR,
                "fill", "url(#unfinished-fade)", "stroke", stroke, "stroke-width", strokeWidth, "stroke-dasharray", "5,3");
            svg.empty("rect", "x", x1, "y", y, "width", w, "height", BAR, "fill", "url(#hatch)");
            svg.element("text", "unfinished", "class", "unfinished-label", "x", x1 + w + 4, "y", y + BAR - 2,
                "fill", Tone.BLOCKED.stroke, "font-style", "italic");
        }
        // A label starts at its bar, or slides right past the previous label while still over its own bar.
        String key = call.lane() + "\u0000" + layout.row(call);
        double lx = Math.max(x1, labelEnds.getOrDefault(key, Double.NEGATIVE_INFINITY));
        if (!call.label().isEmpty() && lx <= Math.max(x1, x1 + w - 20)) {
            svg.element("text", call.label(), "class", "call-label", "x", lx, "y", layout.labelY(call.lane(), layout.row(call)), "fill", "#222222");
            labelEnds.put(key, lx + call.label().length() * CHAR_WIDTH + 6);
        }
        svg.end();
        if (!violations.isEmpty()) {
            double rx = call.finished() ? x1 + w + 4 : x1 + w + 62;
            overlays.add(() -> svg.element("text", rules(violations), "class", "violation-label", "data-rule", rules(violations),
                "data-call", call.id(), "x", rx, "y", y + BAR - 1, "fill", RED, "font-weight", "bold", "font-size", 11,
                "stroke", "#ffffff", "stroke-width", 3, "paint-order", "stroke"));
        }
    }

    private String callTooltip(Call call, List<Violation> violations) {
        StringBuilder sb = new StringBuilder()
            .append(call.label().isEmpty() ? call.kind().name().toLowerCase(Locale.ROOT) : call.label()).append(" (").append(call.lane()).append(")\n")
            .append("begin ").append(scale.relative(call.beginNs())).append(", t=").append(call.beginNs()).append(" ns\n");
        if (call.finished()) {
            long end = call.endNs().getAsLong();
            sb.append("end ").append(scale.relative(end)).append(", t=").append(end).append(" ns\n")
                .append("took ").append(TimeScale.duration(end - call.beginNs())).append("\n")
                .append("status ").append(call.status());
        } else {
            sb.append("unfinished: no end was recorded");
        }
        violations.forEach(v -> sb.append("\nVIOLATED ").append(v.rule()).append(": ").append(v.text()));
        return sb.toString();
    }

    private void arrow(Message message, boolean seqLabel, double opacity) {
        List<Violation> violations = violationsByMessage.getOrDefault(message.id(), List.of());
        double x1 = scale.x(message.sentNs());
        double x2 = scale.x(message.receivedNs());
        double fromTop = barTopAt(message.fromLane(), message.sentNs(), Kind.SEND);
        double toTop = barTopAt(message.toLane(), message.receivedNs(), Kind.RECEIVE);
        double y1;
        double y2;
        if (fromTop < toTop) {
            y1 = fromTop + BAR;
            y2 = toTop;
        } else if (fromTop > toTop) {
            y1 = fromTop;
            y2 = toTop + BAR;
        } else {
            y1 = fromTop + BAR / 2;
            y2 = y1;
        }
        boolean red = !violations.isEmpty();
        svg.start("g", "class", red ? "message violated" : "message", "data-message", message.id(), "data-seq", message.seq());
        StringBuilder tip = new StringBuilder()
            .append("message seq ").append(message.seq()).append(": ").append(message.fromLane()).append(" -> ").append(message.toLane())
            .append("\nsent (send_begin) ").append(scale.relative(message.sentNs())).append(", t=").append(message.sentNs()).append(" ns")
            .append("\ncollected (recv_end) ").append(scale.relative(message.receivedNs())).append(", t=").append(message.receivedNs()).append(" ns")
            .append("\nlatency ").append(TimeScale.duration(message.receivedNs() - message.sentNs()));
        violations.forEach(v -> tip.append("\nVIOLATED ").append(v.rule()).append(": ").append(v.text()));
        svg.element("title", tip.toString());
        svg.empty("line", "class", "arrow", "x1", x1, "y1", y1, "x2", x2, "y2", y2,
            "stroke", red ? RED : ARROW_COLOUR, "stroke-width", red ? 2.2 : 1.1, "stroke-opacity", red ? 1 : opacity,
            "marker-end", red ? "url(#arrow-red)" : "url(#arrow)");
        double mx = (x1 + x2) / 2 + 3;
        double my = (y1 + y2) / 2 + 3;
        if (seqLabel || red) {
            svg.element("text", "#" + message.seq(), "class", "seq", "x", mx, "y", my, "fill", red ? RED : ARROW_COLOUR,
                "font-size", 9, "stroke", "#ffffff", "stroke-width", 3, "paint-order", "stroke");
        }
        if (red) {
            svg.element("text", rules(violations), "class", "violation-label", "data-rule", rules(violations),
                "x", mx, "y", my + 11, "fill", RED, "font-weight", "bold", "font-size", 11,
                "stroke", "#ffffff", "stroke-width", 3, "paint-order", "stroke");
        }
        svg.end();
    }

    private double barTopAt(String lane, long ns, Kind kind) {
        Call call = layout.callAt(lane, ns, kind);
        return call != null ? layout.barTop(call) : layout.barTop(lane, 0);
    }

    private void freeViolations() {
        for (Violation v : freeViolations) {
            double x = scale.x(v.atNs());
            double top = layout.laneTop(v.lane());
            double y = layout.markLabelY(v.lane()) - 3;
            svg.start("g", "class", "violation", "data-rule", v.rule(), "data-lane", v.lane());
            svg.element("title", "VIOLATED " + v.rule() + " (" + v.lane() + ") at " + scale.relative(v.atNs()) + ", t=" + v.atNs() + " ns: " + v.text());
            svg.empty("line", "x1", x, "y1", top + 2, "x2", x, "y2", top + layout.laneHeight(v.lane()) - 2,
                "stroke", RED, "stroke-width", 1.5);
            svg.empty("path", "d", "M" + XmlWriter.format(x) + "," + XmlWriter.format(y - 6) + " l6,6 l-6,6 l-6,-6 z", "fill", RED);
            svg.element("text", v.rule(), "class", "violation-label", "data-rule", v.rule(), "x", x + 8, "y", y + 4,
                "fill", RED, "font-weight", "bold", "font-size", 11);
            svg.end();
        }
    }

    private void legend(double y) {
        svg.start("g", "class", "legend");
        double x = 12;
        svg.element("text", "Legend:", "x", x, "y", y + 9, "font-weight", "bold", "fill", "#222222");
        x += 50;
        for (Tone tone : Tone.values()) {
            svg.empty("rect", "x", x, "y", y, "width", 18, "height", 10, "fill", tone.fill, "stroke", tone.stroke);
            svg.element("text", tone.legend, "x", x + 22, "y", y + 9, "fill", "#222222");
            x += 30 + tone.legend.length() * CHAR_WIDTH;
        }
        svg.empty("rect", "x", x, "y", y, "width", 18, "height", 10, "fill", "url(#unfinished-fade)", "stroke", Tone.BLOCKED.stroke, "stroke-dasharray", "5,3");
        svg.empty("rect", "x", x, "y", y, "width", 18, "height", 10, "fill", "url(#hatch)");
        svg.element("text", "unfinished", "x", x + 22, "y", y + 9, "fill", "#222222");
        x += 90;
        svg.empty("line", "x1", x, "y1", y + 5, "x2", x + 22, "y2", y + 5, "stroke", ARROW_COLOUR, "marker-end", "url(#arrow)");
        svg.element("text", "message #seq", "x", x + 28, "y", y + 9, "fill", "#222222");
        x += 110;
        svg.empty("line", "x1", x + 4, "y1", y - 2, "x2", x + 4, "y2", y + 12, "stroke", MARK_COLOUR, "stroke-width", 1.5, "stroke-dasharray", "4,2");
        svg.element("text", "mark", "x", x + 10, "y", y + 9, "fill", "#222222");
        x += 50;
        svg.empty("rect", "x", x, "y", y, "width", 18, "height", 10, "fill", "#ffffff", "stroke", RED, "stroke-width", 2.5);
        svg.element("text", "violation (rule id in red)", "x", x + 22, "y", y + 9, "fill", "#222222");
        svg.end();
    }

    private void violationList(double y, int listed) {
        List<Violation> all = timeline.violations();
        if (all.isEmpty()) {
            return;
        }
        svg.start("g", "class", "violation-list");
        svg.element("text", "Violations (" + all.size() + ")", "x", 12, "y", y, "font-weight", "bold", "font-size", 12, "fill", RED);
        List<Violation> sorted = all.stream().sorted(Comparator.comparingLong(Violation::atNs)).toList();
        for (int i = 0; i < listed; i++) {
            Violation v = sorted.get(i);
            y += 15;
            svg.start("text", "x", 12, "y", y, "fill", "#222222");
            svg.element("tspan", v.rule(), "fill", RED, "font-weight", "bold");
            svg.text("  " + v.lane() + " at " + scale.relative(v.atNs()) + ": " + v.text());
            svg.end();
        }
        if (all.size() > listed) {
            svg.element("text", (all.size() - listed) + " more violations not listed", "x", 12, "y", y + 15, "fill", "#555555");
        }
        svg.end();
    }

    private static String rules(List<Violation> violations) {
        return violations.stream().map(Violation::rule).distinct().collect(Collectors.joining(" "));
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
