package org.ipcspec.harness.steps;

import java.util.List;

import org.ipcspec.harness.check.Verdict;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.report.HistoryTimeline;
import org.ipcspec.harness.report.TimelineSvg;
import org.ipcspec.harness.scenario.Participant;
import org.ipcspec.harness.scenario.ScenarioWorld;

/** What a person reading the report needs to see what happened in a scenario. */
final class Evidence {

    private Evidence() {
    }

    static void attach(ScenarioWorld world, History history, List<Verdict> verdicts) {
        if (!verdicts.isEmpty()) {
            StringBuilder text = new StringBuilder();
            for (Verdict verdict : verdicts) {
                text.append(verdict).append('\n');
            }
            ReportEnricher.attach("rules checked", "text/plain", text.toString(), ".txt");
        }
        ReportEnricher.attach("timeline", "image/svg+xml",
                TimelineSvg.render(HistoryTimeline.of(world.scenarioName(), history, verdicts)), ".svg");
        ReportEnricher.attach("history", "application/json", history.toJson(), ".json");
        for (Participant participant : world.participants()) {
            String stderr = participant.process().stderr();
            if (!stderr.isBlank()) {
                ReportEnricher.attach("stderr of the " + participant.name(), "text/plain", stderr, ".txt");
            }
            participant.process().lastThreadDump().ifPresent(dump ->
                    ReportEnricher.attach("thread dump of the " + participant.name(), "text/plain", dump, ".txt"));
        }
    }
}
