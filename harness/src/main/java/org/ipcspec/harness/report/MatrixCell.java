package org.ipcspec.harness.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;
import org.ipcspec.harness.spec.Rule;
import org.ipcspec.harness.spec.Vocabulary;

/**
 * One cell of the conformance matrix: the scenarios of a rule on a transport in a send/receive
 * combination. A scenario that checks several rules is in one cell per rule; one that checks none
 * is in the {@value #NO_RULE} row. The matrix page draws these, and summary.json counts them.
 */
public record MatrixCell(String anchor, String rule, String transport, String combination, List<ScenarioResult> results) {

    public static final String NO_RULE = "(none)";

    public MatrixCell {
        results = List.copyOf(results);
    }

    public Outcome worst() {
        return results.stream().map(ScenarioResult::outcome).reduce(Outcome.SKIPPED, Outcome::worst);
    }

    public Map<Outcome, Long> counts() {
        return Columns.totals(results);
    }

    /** The rows: rules in the order docs/protocol.md lists them, then {@value #NO_RULE}. */
    public static List<String> rules(List<ScenarioResult> results) {
        return Order.sorted(results.stream()
                .flatMap(r -> r.rules().isEmpty() ? java.util.stream.Stream.of(NO_RULE) : r.rules().stream()).toList(), Rule.ids());
    }

    public static List<String> transports(List<ScenarioResult> results) {
        return Order.sorted(results.stream().map(ScenarioResult::transport).toList(), Vocabulary.TRANSPORTS);
    }

    /** Each transport's combinations, in the vocabulary's order. */
    public static Map<String, List<String>> combinations(List<ScenarioResult> results) {
        Map<String, List<String>> combinations = new LinkedHashMap<>();
        for (String transport : transports(results)) {
            combinations.put(transport, Order.sorted(results.stream().filter(r -> r.transport().equals(transport))
                    .map(ScenarioResult::combination).toList(), Vocabulary.COMBINATIONS));
        }
        return combinations;
    }

    /** The cells that hold a scenario, row by row, keyed by {@link #key}. */
    public static Map<String, MatrixCell> of(List<ScenarioResult> results) {
        Map<String, List<String>> combinations = combinations(results);
        Map<String, MatrixCell> cells = new LinkedHashMap<>();
        for (String rule : rules(results)) {
            for (String transport : combinations.keySet()) {
                for (String combination : combinations.get(transport)) {
                    List<ScenarioResult> in = results.stream()
                            .filter(r -> r.transport().equals(transport) && r.combination().equals(combination)
                                    && (r.rules().contains(rule) || (r.rules().isEmpty() && rule.equals(NO_RULE))))
                            .toList();
                    if (!in.isEmpty()) {
                        cells.put(key(rule, transport, combination),
                                new MatrixCell("cell-" + (cells.size() + 1), rule, transport, combination, in));
                    }
                }
            }
        }
        return cells;
    }

    static String key(String rule, String transport, String combination) {
        return rule + "\u0000" + transport + "\u0000" + combination;
    }
}
