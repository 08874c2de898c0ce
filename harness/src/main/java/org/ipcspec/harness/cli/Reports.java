package org.ipcspec.harness.cli;

import java.util.List;

import org.ipcspec.harness.outcome.ScenarioResult;

/** Turns run results into the rows the report pages draw. */
final class Reports {

    private Reports() {
    }

    /** Each result linked to its place in the spec, for a matrix written before any report exists. */
    static List<ScenarioResult> matrixRows(List<ScenarioResult> results) {
        return results.stream().map(r -> r.withLink("#" + r.location())).toList();
    }
}
