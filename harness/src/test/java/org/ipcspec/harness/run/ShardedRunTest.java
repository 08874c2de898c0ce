package org.ipcspec.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;

/** CI splits a run over jobs with --shard K/N: together the shards are exactly the full run. */
class ShardedRunTest {

    @Test
    void shardsTogetherRunExactlyTheScenariosOfTheFullRun() {
        RunOptions protocol = RunOptions.defaults().withTags("@protocol");
        Set<String> full = locations(ConformanceRun.run(protocol, r -> { }));
        Set<String> first = locations(ConformanceRun.run(protocol.withShard(new Shard(1, 2)), r -> { }));
        Set<String> second = locations(ConformanceRun.run(protocol.withShard(new Shard(2, 2)), r -> { }));

        assertEquals(14, full.size(), "the protocol feature's scenarios: " + full);
        assertTrue(!first.isEmpty() && !second.isEmpty(), "both shards should have work: " + first + " / " + second);
        Set<String> overlap = new HashSet<>(first);
        overlap.retainAll(second);
        assertTrue(overlap.isEmpty(), "a scenario ran in both shards: " + overlap);
        Set<String> merged = new HashSet<>(first);
        merged.addAll(second);
        assertEquals(full, merged);
    }

    @Test
    void discoveryOfTheWholeSuiteSplitsTheSameWay() {
        long all = ConformanceRun.count(RunOptions.defaults());
        long sum = 0;
        for (int k = 1; k <= 3; k++) {
            sum += ConformanceRun.count(RunOptions.defaults().withShard(new Shard(k, 3)));
        }
        assertEquals(all, sum);
        assertTrue(all > 100, "the suite has " + all + " scenarios");
    }

    private static Set<String> locations(RunResult result) {
        List<ScenarioResult> scenarios = result.scenarios();
        assertTrue(scenarios.stream().allMatch(s -> s.outcome() == Outcome.PASSED), scenarios.toString());
        return scenarios.stream().map(ScenarioResult::location).collect(Collectors.toSet());
    }
}
