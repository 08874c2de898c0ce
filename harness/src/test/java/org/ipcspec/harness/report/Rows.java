package org.ipcspec.harness.report;

import java.util.ArrayList;
import java.util.List;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;
import org.ipcspec.harness.spec.ScenarioTags;

/** Results as the report tests write them: rules, transport and combination instead of tags. */
final class Rows {

    private Rows() {
    }

    static ScenarioResult row(String name, List<String> rules, String transport, String combination, Outcome outcome, String link) {
        List<String> tags = new ArrayList<>(rules);
        tags.add(transport);
        if (combination != null && !combination.equals("-")) {
            tags.addAll(List.of(combination.split("/")));
        }
        return new ScenarioResult(name, "", ScenarioTags.of(tags), outcome, "", null, link);
    }
}
