package org.ipcspec.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;
import org.ipcspec.harness.spec.Vocabulary;

/**
 * The run's summary for the terminal: one row per transport and send/receive combination,
 * counting each scenario once (whatever rules it checks), with a total row.
 *
 * <pre>
 * transport  combination              passed  failed  broken  unsupported  skipped
 * ---------  -----------------------  ------  ------  ------  -----------  -------
 * shm        sync-send/sync-receive       12       1       0            0        0
 * ---------  -----------------------  ------  ------  ------  -----------  -------
 * total                                   12       1       0            0        0
 * </pre>
 */
public final class SummaryTable {

    private SummaryTable() {
    }

    public static String render(List<ScenarioResult> results) {
        List<Outcome> columns = Columns.of(results);
        TextTable table = new TextTable(Set.of(0, 1), "transport", "combination");
        columns.forEach(o -> table.addColumn(o.label()));
        int rows = 0;
        for (String transport : Order.sorted(results.stream().map(ScenarioResult::transport).toList(), Vocabulary.TRANSPORTS)) {
            List<ScenarioResult> ofTransport = results.stream().filter(r -> r.transport().equals(transport)).toList();
            for (String combination : Order.sorted(ofTransport.stream().map(ScenarioResult::combination).toList(), Vocabulary.COMBINATIONS)) {
                table.add(row(transport, combination, ofTransport.stream().filter(r -> r.combination().equals(combination)).toList(), columns));
                rows++;
            }
        }
        if (rows > 0) {
            table.rule();
        }
        table.add(row("total", "", results, columns));
        return table.render();
    }

    private static List<String> row(String transport, String combination, List<ScenarioResult> results, List<Outcome> columns) {
        Map<Outcome, Long> totals = Columns.totals(results);
        List<String> row = new ArrayList<>(List.of(transport, combination));
        columns.forEach(o -> row.add(Long.toString(totals.get(o))));
        return row;
    }
}
