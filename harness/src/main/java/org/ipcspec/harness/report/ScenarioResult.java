package org.ipcspec.harness.report;

import java.util.List;
import java.util.Objects;

/**
 * One scenario's result, as the matrix page and the summary table take it.
 *
 * @param name        the scenario name
 * @param rules       the rule ids it checks ("S1", "O2", "THROUGHPUT"); it counts in each of their rows
 * @param transport   "shm", "file", "socket", ...
 * @param combination "sync-send/async-receive", or "-" when not applicable (null means "-")
 * @param outcome     how it ended
 * @param link        relative URL of its detailed result (null or empty: none)
 */
public record ScenarioResult(String name, List<String> rules, String transport, String combination, Outcome outcome, String link) {

    public static final String NOT_APPLICABLE = "-";

    public ScenarioResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(outcome, "outcome");
        rules = List.copyOf(rules);
        combination = combination == null || combination.isBlank() ? NOT_APPLICABLE : combination;
        link = link == null ? "" : link;
    }
}
