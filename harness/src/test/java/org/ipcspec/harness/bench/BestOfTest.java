package org.ipcspec.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import org.ipcspec.harness.bench.BenchResult.Measured;
import org.junit.jupiter.api.Test;

class BestOfTest {

    @Test
    void measurementsTakeTurnsRoundAfterRoundAndEachKeepsItsBest() {
        List<String> order = new ArrayList<>();
        BestOf<Integer> endpoints = new BestOf<>(runs("endpoints", order, 5, 9, 7), Comparator.reverseOrder());
        BestOf<Integer> baseline = new BestOf<>(runs("baseline", order, 4, 2, 3), Comparator.naturalOrder());

        assertTrue(endpoints.result().isAbsent(), "no run yet");
        BestOf.alternate(3, List.of(endpoints, baseline));

        assertEquals(List.of("endpoints 5", "baseline 4", "endpoints 9", "baseline 2", "endpoints 7", "baseline 3"), order);
        assertEquals(9, endpoints.result().value(), "the highest: its comparator sorts it first");
        assertEquals(2, baseline.result().value(), "the lowest");
        assertEquals(List.of(5, 9, 7), endpoints.values(), "every run, in order");
    }

    @Test
    void aFailedRunIsTheResultAndItsMeasurementIsNotRunAgain() {
        List<String> order = new ArrayList<>();
        int[] runs = {0};
        BestOf<Integer> failing = new BestOf<>(() -> {
            runs[0]++;
            order.add("failing");
            return runs[0] == 2 ? Measured.failed("batch ended early: status=timeout") : Measured.ok(runs[0]);
        }, Comparator.reverseOrder());
        BestOf<Integer> other = new BestOf<>(runs("other", order, 1, 2, 3), Comparator.reverseOrder());

        BestOf.alternate(3, List.of(failing, other));

        assertFalse(failing.result().isOk());
        assertEquals("batch ended early: status=timeout", failing.result().failure());
        assertEquals(List.of("failing", "other 1", "failing", "other 2", "other 3"), order, "the others go on");
        assertEquals(3, other.result().value());
        assertEquals(List.of(1), failing.values(), "the runs before the failure");
    }

    private static java.util.function.Supplier<Measured<Integer>> runs(String name, List<String> order, Integer... values) {
        Iterator<Integer> next = List.of(values).iterator();
        return () -> {
            int value = next.next();
            order.add(name + " " + value);
            return Measured.ok(value);
        };
    }
}
