package org.ipcspec.harness.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ipcspec.harness.report.Timeline.Call;
import org.ipcspec.harness.report.Timeline.Kind;

/**
 * Where things go in a timeline picture: the lanes top to bottom, and within a lane the row of
 * each call. An endpoint handles one request at a time, so a lane normally needs one row; calls
 * that do overlap in time (a converted history may hold such) get extra rows, up to
 * {@link #MAX_ROWS}, so no bar hides another.
 *
 * <pre>
 *  lane top  +--------------------------------------------
 *            | PAD
 *            | label text        (row 0)   ROW = LABEL + BAR + GAP
 *            | [=====bar=====]
 *            | ... more rows
 *            | mark labels        MARK_STRIP
 *  lane end  +--------------------------------------------
 * </pre>
 */
final class TimelineLayout {

    static final double WIDTH = 1280;
    static final double LEFT = 140;
    static final double PLOT_WIDTH = 1000;
    /** How far past the last event an unfinished call is drawn: it was still going when the record ended. */
    static final double UNFINISHED_OVERHANG = 50;
    static final double LANES_TOP = 84;
    static final double PAD = 6;
    static final double LABEL = 12;
    static final double BAR = 12;
    static final double GAP = 6;
    static final double ROW = LABEL + BAR + GAP;
    static final double MARK_STRIP = 16;
    static final int MAX_ROWS = 4;

    private final List<String> lanes;
    private final Map<String, Double> laneTop = new HashMap<>();
    private final Map<String, Integer> laneRows = new HashMap<>();
    private final Map<Integer, Integer> rowOfCall = new HashMap<>();
    private final Map<String, List<Call>> callsByLane = new LinkedHashMap<>();
    private final double lanesBottom;

    TimelineLayout(Timeline timeline) {
        this.lanes = lanesOf(timeline);
        for (String lane : lanes) {
            callsByLane.put(lane, new ArrayList<>());
        }
        for (Call call : timeline.calls()) {
            callsByLane.get(call.lane()).add(call);
        }
        double y = LANES_TOP;
        for (String lane : lanes) {
            List<Call> calls = callsByLane.get(lane);
            calls.sort(Comparator.comparingLong(Call::beginNs).thenComparingInt(Call::id));
            int rows = assignRows(calls);
            laneTop.put(lane, y);
            laneRows.put(lane, rows);
            y += laneHeight(rows);
        }
        this.lanesBottom = y;
    }

    /** The declared lanes, then any lane an element uses that was not declared, in order of use. */
    private static List<String> lanesOf(Timeline t) {
        List<String> lanes = new ArrayList<>(t.lanes());
        Stream.of(
                t.calls().stream().map(Call::lane),
                t.messages().stream().flatMap(m -> Stream.of(m.fromLane(), m.toLane())),
                t.marks().stream().map(Timeline.Mark::lane),
                t.violations().stream().map(Timeline.Violation::lane))
            .flatMap(s -> s)
            .forEach(lane -> {
                if (!lanes.contains(lane)) {
                    lanes.add(lane);
                }
            });
        return List.copyOf(lanes);
    }

    /** Greedy interval colouring over calls sorted by begin; returns the number of rows used. */
    private int assignRows(List<Call> calls) {
        List<Long> rowEnds = new ArrayList<>();
        for (Call call : calls) {
            long end = call.endNs().orElse(Long.MAX_VALUE);
            int row = -1;
            for (int r = 0; r < rowEnds.size(); r++) {
                if (rowEnds.get(r) <= call.beginNs()) {
                    row = r;
                    break;
                }
            }
            if (row < 0 && rowEnds.size() < MAX_ROWS) {
                row = rowEnds.size();
                rowEnds.add(end);
            } else if (row < 0) {
                row = earliestEnding(rowEnds);
            }
            rowEnds.set(row, Math.max(rowEnds.get(row), end));
            rowOfCall.put(call.id(), row);
        }
        return Math.max(1, rowEnds.size());
    }

    private static int earliestEnding(List<Long> rowEnds) {
        int best = 0;
        for (int r = 1; r < rowEnds.size(); r++) {
            if (rowEnds.get(r) < rowEnds.get(best)) {
                best = r;
            }
        }
        return best;
    }

    static double laneHeight(int rows) {
        return PAD + rows * ROW + MARK_STRIP;
    }

    List<String> lanes() {
        return lanes;
    }

    double laneTop(String lane) {
        return laneTop.get(lane);
    }

    double laneHeight(String lane) {
        return laneHeight(laneRows.get(lane));
    }

    double lanesBottom() {
        return lanesBottom;
    }

    /** Baseline of the labels in a row. */
    double labelY(String lane, int row) {
        return laneTop(lane) + PAD + row * ROW + LABEL - 3;
    }

    double barTop(String lane, int row) {
        return laneTop(lane) + PAD + row * ROW + LABEL;
    }

    double barTop(Call call) {
        return barTop(call.lane(), row(call));
    }

    int row(Call call) {
        return rowOfCall.get(call.id());
    }

    /** Baseline of the mark labels of a lane. */
    double markLabelY(String lane) {
        return laneTop(lane) + laneHeight(lane) - 4;
    }

    /**
     * The call on {@code lane} that was under way at {@code ns}, preferring one of {@code kind};
     * null if none was. Arrows start and end on it.
     */
    Call callAt(String lane, long ns, Kind kind) {
        Call any = null;
        for (Call call : callsByLane.getOrDefault(lane, List.of())) {
            if (call.beginNs() > ns) {
                break;
            }
            if (ns <= call.endNs().orElse(Long.MAX_VALUE)) {
                if (call.kind() == kind) {
                    return call;
                }
                if (any == null) {
                    any = call;
                }
            }
        }
        return any;
    }
}
