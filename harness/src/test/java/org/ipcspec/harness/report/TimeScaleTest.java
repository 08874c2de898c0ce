package org.ipcspec.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class TimeScaleTest {

    private static List<String> labels(long spanNs) {
        return new TimeScale(5_000, 5_000 + spanNs, 100, 1000).ticks().stream().map(TimeScale.Tick::label).toList();
    }

    @Test
    void ticksAreRoundMilliseconds() {
        assertEquals(List.of("0", "10", "20", "30", "40", "50", "60", "70"), labels(70_000_000));
        assertEquals(List.of("0", "2", "4", "6", "8", "10", "12", "14", "16", "18"), labels(19_000_000));
        assertEquals("0.005", labels(40_000).get(1), "a 40 us span ticks every 5 us");
        assertEquals("10000", labels(60_000_000_000L).get(1), "a 60 s bulk run ticks every 10 s");
    }

    @Test
    void aSingleInstantGetsAOneMicrosecondSpan() {
        TimeScale scale = new TimeScale(42, 42, 100, 1000);
        assertEquals(100, scale.x(42), 1e-9);
        assertEquals(1100, scale.x(42 + TimeScale.MIN_SPAN_NS), 1e-9);
    }

    @Test
    void mapsRelativeToTheOrigin() {
        TimeScale scale = new TimeScale(1_000_000_000L, 1_010_000_000L, 100, 1000);
        assertEquals(600, scale.x(1_005_000_000L), 1e-9);
        assertEquals("5.000001 ms", scale.relative(1_005_000_001L));
    }
}
