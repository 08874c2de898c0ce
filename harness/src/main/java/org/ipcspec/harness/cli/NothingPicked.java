package org.ipcspec.harness.cli;

import java.util.ArrayList;
import java.util.List;

import org.ipcspec.harness.run.ConformanceRun;
import org.ipcspec.harness.run.PlannedScenario;
import org.ipcspec.harness.run.RunOptions;
import org.ipcspec.harness.run.ScenarioSelection;

/**
 * Why a selection of places or names picked no scenario, with what it could have picked: a line
 * off by one should be answered with the lines that hold scenarios, not with an empty run.
 */
final class NothingPicked {

    private NothingPicked() {
    }

    static String explain(RunOptions options) {
        ScenarioSelection selection = options.selection();
        List<String> parts = new ArrayList<>();
        parts.add("no scenario is selected by " + describe(selection)
                + (options.tags() == null ? "" : " with --tags " + options.tags())
                + (options.transports().isEmpty() ? "" : " with --transport " + String.join(",", options.transports())));
        for (ScenarioSelection.Place place : selection.places()) {
            if (place.lines().isEmpty()) {
                continue;
            }
            List<PlannedScenario> there = ConformanceRun.plan(options.withSelection(
                    new ScenarioSelection(List.of(new ScenarioSelection.Place(place.file(), java.util.Set.of())), null)));
            List<String> lines = there.stream().map(s -> s.location().substring(s.location().lastIndexOf(':') + 1)).toList();
            parts.add(lines.isEmpty() ? "  " + place + ": the file holds no scenario that the other options leave"
                    : "  " + place + ": scenarios (example rows) there are at lines " + String.join(", ", lines));
        }
        parts.add("(`ipcspec list` prints what a selection picks)");
        return String.join("\n", parts);
    }

    private static String describe(ScenarioSelection selection) {
        List<String> what = new ArrayList<>();
        selection.places().forEach(p -> what.add(p.toString()));
        if (selection.name() != null) {
            what.add("--name " + selection.name().pattern());
        }
        return String.join(" ", what);
    }
}
