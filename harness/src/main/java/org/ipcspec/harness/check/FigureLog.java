package org.ipcspec.harness.check;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The figures each scenario measured, by its location, for the run's summary.json: the steps that
 * measure run inside the scenario, the summary is written by the run after it, and a scenario's
 * location is the one key both sides know. Cleared at the start of each run.
 */
public final class FigureLog {

    private static final Map<String, List<Figure>> FIGURES = new ConcurrentHashMap<>();

    private FigureLog() {
    }

    public static void record(String location, List<Figure> figures) {
        if (!figures.isEmpty()) {
            FIGURES.merge(location, List.copyOf(figures), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        }
    }

    public static Map<String, List<Figure>> all() {
        return Map.copyOf(FIGURES);
    }

    public static void clear() {
        FIGURES.clear();
    }
}
