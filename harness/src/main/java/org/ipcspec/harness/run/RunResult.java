package org.ipcspec.harness.run;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;

/**
 * The results of a run.
 *
 * @param startupNanos total time the run's endpoints took from start to hello (how much of the
 *                     wall time is process start-up)
 */
public record RunResult(List<ScenarioResult> scenarios, Duration wallTime, long startupNanos, long endpointsStarted) {

    public RunResult {
        scenarios = List.copyOf(scenarios);
    }

    public Map<Outcome, Integer> counts() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, 0);
        }
        scenarios.forEach(s -> counts.merge(s.outcome(), 1, Integer::sum));
        return counts;
    }

    /** As {@link Outcome#exitStatus}: 1 a rule was broken, else 2 something could not be judged, else 0. */
    public int exitCode() {
        return Outcome.exitStatus(scenarios.stream().map(ScenarioResult::outcome).toList());
    }
}
