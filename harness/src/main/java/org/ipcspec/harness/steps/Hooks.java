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
import org.ipcspec.harness.outcome.SpecError;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.scenario.ScenarioWorld;
import org.ipcspec.harness.scenario.SpecLocation;
import org.ipcspec.harness.spec.Rule;

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
        world.scenario(scenario.getName(), scenario.getSourceTagNames(), SpecLocation.of(scenario.getUri(), scenario.getLine()));
        Violations.reset();
    }

    /** How the rules are checked: the checkers, or in a test one that throws. */
    interface Judgement {
        List<Verdict> check(List<Rule> rules, History history, ScenarioFacts facts, Bounds bounds);
    }

    @After
    public void end(Scenario scenario) {
        FirstFailure evidence = new FirstFailure();
        List<Verdict> verdicts = judge(world, Checkers::check, evidence);
        if (scenario.isFailed() || scenario.getStatus() == Status.SKIPPED) {
            // A failed scenario already says why; an unsupported one (skipped) has nothing to judge.
            return;
        }
        List<String> violations = new ArrayList<>();
        verdicts.stream().filter(Verdict::failed).forEach(v -> violations.addAll(v.reasons()));
        if (!violations.isEmpty()) {
            // A rule broken is the verdict even if drawing its evidence failed too.
            AssertionError broken = new AssertionError(String.join("\n", violations));
            evidence.first().ifPresent(broken::addSuppressed);
            throw broken;
        }
        evidence.rethrow();
        world.requireNoGarbage();
        List<Rule> unchecked = verdicts.stream().filter(Verdict::notApplicable).map(Verdict::rule)
                .filter(rule -> world.tags().has(rule) && !Violations.asserted().contains(rule)).toList();
        if (!unchecked.isEmpty()) {
            // A tag that neither a checker nor a step checked would pass for ever.
            throw new SpecError(world.location() + ": the scenario is tagged with " + unchecked
                    + " but its history holds nothing those rules cover: fix the scenario or its tags");
        }
    }

    /**
     * Ends the processes, checks the history, attaches the evidence and removes the scenario's
     * folder, each whatever the one before threw: no process or folder outlives the scenario, and
     * the first failure is the one reported.
     */
    static List<Verdict> judge(ScenarioWorld world, Judgement judgement) {
        FirstFailure evidence = new FirstFailure();
        List<Verdict> verdicts = judge(world, judgement, evidence);
        evidence.rethrow();
        return verdicts;
    }

    /** As above, with a failure to attach the evidence kept in {@code evidence} rather than thrown. */
    static List<Verdict> judge(ScenarioWorld world, Judgement judgement, FirstFailure evidence) {
        FirstFailure failure = new FirstFailure();
        failure.run(world::endProcesses);
        History history = failure.get(world::history, null);
        List<Verdict> verdicts = history == null ? List.of()
                : failure.get(() -> judgement.check(checkedRules(world), history, ObservedFiles.facts(world), world.bounds()), List.of());
        if (history != null) {
            evidence.run(() -> Evidence.attach(world, history, verdicts));
        }
        failure.run(world::close);
        failure.rethrow();
        return verdicts;
    }

    /** The scenario's rule tags that a checker judges (PROTOCOL is judged by steps), and C1, which every scenario is. */
    private static List<Rule> checkedRules(ScenarioWorld world) {
        List<Rule> rules = new ArrayList<>(world.tags().ruleList().stream().filter(Checkers::judges).toList());
        if (!rules.contains(Rule.C1)) {
            rules.add(Rule.C1);
        }
        return rules;
    }
}
