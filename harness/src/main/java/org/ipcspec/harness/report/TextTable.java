package org.ipcspec.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A plain-text table for a terminal or a CI log: columns padded to their widest cell, names
 * left-aligned and figures right-aligned, a rule of dashes under the header (and wherever
 * {@link #rule()} asks for one). Control characters are replaced, because an escape sequence
 * in a name would garble the terminal.
 */
public final class TextTable {

    private static final List<String> RULE = List.of();

    private final Set<Integer> leftColumns;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param leftColumns the indexes of the columns aligned left (names); the others align right */
    public TextTable(Set<Integer> leftColumns, String... header) {
        this.leftColumns = Set.copyOf(leftColumns);
        this.header = new ArrayList<>(List.of(header));
    }

    public void addColumn(String title) {
        header.add(title);
    }

    public void add(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, header has " + header.size() + ": " + cells);
        }
        rows.add(cells.stream().map(TextTable::printable).toList());
    }

    /** A rule of dashes before the next row (above a total, say). */
    public void rule() {
        rows.add(RULE);
    }

    public String render() {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                if (row != RULE) {
                    widths[c] = Math.max(widths[c], row.get(c).length());
                }
            }
        }
        List<String> dashes = new ArrayList<>();
        for (int width : widths) {
            dashes.add("-".repeat(width));
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        line(out, dashes, widths);
        for (List<String> row : rows) {
            line(out, row == RULE ? dashes : row, widths);
        }
        return out.toString();
    }

    private void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append("  ");
            }
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(leftColumns.contains(c) ? cell + pad : pad + cell);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
