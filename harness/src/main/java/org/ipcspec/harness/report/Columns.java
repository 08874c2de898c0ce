package org.ipcspec.harness.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;

/** The outcomes a summary counts, in the order people read them, and the counts themselves. */
final class Columns {

    private static final List<Outcome> ALWAYS = List.of(Outcome.PASSED, Outcome.FAILED, Outcome.BROKEN,
        Outcome.UNSUPPORTED, Outcome.SKIPPED);

    private Columns() {
    }

    /** Passed, failed, broken, unsupported, skipped; spec error after broken, waived and unexpected pass after failed, only when some scenario has one. */
    static List<Outcome> of(List<ScenarioResult> results) {
        List<Outcome> columns = new ArrayList<>(ALWAYS);
        if (results.stream().anyMatch(r -> r.outcome() == Outcome.SPEC_ERROR)) {
            columns.add(columns.indexOf(Outcome.BROKEN) + 1, Outcome.SPEC_ERROR);
        }
        // Waivers are the profile's: columns for them only in runs that have them.
        if (results.stream().anyMatch(r -> r.outcome() == Outcome.WAIVED || r.outcome() == Outcome.UNEXPECTED_PASS)) {
            columns.add(columns.indexOf(Outcome.FAILED) + 1, Outcome.WAIVED);
            columns.add(columns.indexOf(Outcome.WAIVED) + 1, Outcome.UNEXPECTED_PASS);
        }
        return columns;
    }

    static Map<Outcome, Long> totals(List<ScenarioResult> results) {
        Map<Outcome, Long> totals = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            totals.put(o, 0L);
        }
        results.forEach(r -> totals.merge(r.outcome(), 1L, Long::sum));
        return totals;
    }
}
