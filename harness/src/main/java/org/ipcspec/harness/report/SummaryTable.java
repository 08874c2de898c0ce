package org.ipcspec.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plain-text table for the terminal: one row per transport and send/receive combination,
 * counting each scenario once (whatever rules it checks), with a total row. ASCII only, columns
 * aligned, numbers right-aligned, so it survives any terminal and a CI log.
 *
 * <pre>
 * transport  combination              passed  failed  broken  unsupported  skipped
 * ---------  -----------------------  ------  ------  ------  -----------  -------
 * shm        sync-send/sync-receive       12       1       0            0        0
 * total                                   12       1       0            0        0
 * </pre>
 */
public final class SummaryTable {

    private static final List<Outcome> COLUMNS = List.of(Outcome.PASSED, Outcome.FAILED, Outcome.BROKEN,
        Outcome.UNSUPPORTED, Outcome.SKIPPED);

    private SummaryTable() {
    }

    public static String render(List<ScenarioResult> results) {
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[2 + COLUMNS.size()];
        header[0] = "transport";
        header[1] = "combination";
        for (int i = 0; i < COLUMNS.size(); i++) {
            header[2 + i] = COLUMNS.get(i).label();
        }
        for (String transport : Order.sorted(results.stream().map(ScenarioResult::transport).toList(), Order.TRANSPORTS)) {
            List<ScenarioResult> ofTransport = results.stream().filter(r -> r.transport().equals(transport)).toList();
            for (String combination : Order.sorted(ofTransport.stream().map(ScenarioResult::combination).toList(), Order.COMBINATIONS)) {
                rows.add(row(transport, combination, ofTransport.stream().filter(r -> r.combination().equals(combination)).toList()));
            }
        }
        rows.add(row("total", "", results));

        int[] widths = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            widths[c] = header[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        String[] rule = new String[header.length];
        for (int c = 0; c < header.length; c++) {
            rule[c] = "-".repeat(widths[c]);
        }
        line(out, rule, widths);
        for (int i = 0; i < rows.size(); i++) {
            if (i == rows.size() - 1 && rows.size() > 1) {
                line(out, rule, widths);
            }
            line(out, rows.get(i), widths);
        }
        return out.toString();
    }

    private static String[] row(String transport, String combination, List<ScenarioResult> results) {
        Map<Outcome, Long> totals = MatrixPage.totals(results);
        String[] row = new String[2 + COLUMNS.size()];
        row[0] = printable(transport);
        row[1] = printable(combination);
        for (int i = 0; i < COLUMNS.size(); i++) {
            row[2 + i] = Long.toString(totals.get(COLUMNS.get(i)));
        }
        return row;
    }

    private static void line(StringBuilder out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(widths[c] - cells[c].length());
            line.append(c < 2 ? cells[c] + pad : pad + cells[c]);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** Control characters (an escape sequence in a transport name) would garble the terminal. */
    private static String printable(String s) {
        return s.replaceAll("[\\p{Cntrl}]", "?");
    }
}
