package org.ipcspec.harness.steps;

import java.util.ArrayList;
import java.util.List;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.Status;

import org.ipcspec.harness.check.Checkers;
import org.ipcspec.harness.check.ScenarioFacts;
import org.ipcspec.harness.check.Verdict;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.scenario.ScenarioWorld;

/**
 * Around every scenario: labels for the report before, and after it the part that makes the suite
 * a conformance suite: the rules the scenario is tagged with (@S1, @O2, ...) are checked by their
 * checkers against the complete recorded history, whatever the steps already asserted, and the
 * evidence (history, timeline, each process's stderr, thread dumps) is attached to the report.
 */
public final class Hooks {

    private final ScenarioWorld world;

    public Hooks(ScenarioWorld world) {
        this.world = world;
    }

    @Before(order = 0)
    public void begin(Scenario scenario) {
        world.scenario(scenario.getName(), scenario.getSourceTagNames());
        Violations.reset();
    }

    @After
    public void end(Scenario scenario) {
        List<Verdict> verdicts;
        try {
            world.endProcesses();
        } finally {
            ScenarioFacts facts = ObservedFiles.facts(world);
            History history = world.history();
            verdicts = Checkers.check(checkedRules(), history, facts, world.bounds());
            Evidence.attach(world, history, verdicts);
            world.close();
        }
        if (scenario.isFailed() || scenario.getStatus() == Status.SKIPPED) {
            // A failed scenario already says why; an unsupported one (skipped) has nothing to judge.
            return;
        }
        List<String> violations = new ArrayList<>();
        verdicts.stream().filter(Verdict::failed).forEach(v -> violations.addAll(v.reasons()));
        if (!violations.isEmpty()) {
            throw new AssertionError(String.join("\n", violations));
        }
        world.requireNoGarbage();
        List<String> unchecked = verdicts.stream().filter(v -> v.outcome() == Verdict.Outcome.NOT_APPLICABLE)
                .map(Verdict::rule).filter(rule -> !Violations.asserted().contains(rule)).toList();
        if (!unchecked.isEmpty()) {
            // A spec error, not the implementation's: a tag that neither a checker nor a step
            // checked would pass for ever.
            throw new IllegalStateException("the scenario is tagged with " + unchecked
                    + " but its history holds nothing those rules cover: fix the scenario or its tags");
        }
    }

    /** The scenario's rule tags that have a checker (all of PROTOCOL.md section 5 do; PROTOCOL is judged by steps). */
    private List<String> checkedRules() {
        List<String> known = Checkers.ids();
        return world.rules().stream().filter(known::contains).toList();
    }
}
