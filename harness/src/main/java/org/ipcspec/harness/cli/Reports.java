package org.ipcspec.harness.cli;

import java.util.List;

import org.ipcspec.harness.report.Outcome;
import org.ipcspec.harness.report.ScenarioResult;

/** Turns run results into the rows the report pages draw. */
final class Reports {

    private Reports() {
    }

    static List<ScenarioResult> matrixRows(List<org.ipcspec.harness.run.ScenarioResult> results) {
        return results.stream().map(r -> new ScenarioResult(r.name(), r.rules(), r.transport(), r.combination(),
                Outcome.valueOf(r.outcome().name()), "#" + r.location())).toList();
    }
}
