package org.ipcspec.harness.run;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

    /** 0 every scenario passed (or was unsupported), 1 a rule was broken, 2 something broke. */
    public int exitCode() {
        Map<Outcome, Integer> counts = counts();
        if (counts.get(Outcome.BROKEN) > 0) {
            return 2;
        }
        return counts.get(Outcome.FAILED) > 0 ? 1 : 0;
    }
}
