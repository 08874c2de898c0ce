package org.ipcspec.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The sweep's table and the knee: a point is past capacity when the channel carried under 95% of the offered rate. */
class SweepTableTest {

    private static final List<SweepPoint> POINTS = List.of(
            new SweepPoint("shm", 64, 5_000, 4_999.2, 60_000, 900_000, 3_000_000),
            new SweepPoint("shm", 64, 4_000_000, 2_100_000, 180_000_000, 400_000_000, 410_000_000),
            new SweepPoint("file", 64, 100, 99.9, 700_000, 5_000_000, 9_000_000));

    @Test
    void aPointIsPastCapacityWhenTheChannelFellBehindTheOfferedRate() {
        assertTrue(POINTS.get(0).keptUp());
        assertFalse(POINTS.get(1).keptUp(), "2.1M of 4M offered");
        assertTrue(new SweepPoint("shm", 64, 1000, 950, 1, 1, 1).keptUp(), "95% is still keeping up");
        assertFalse(new SweepPoint("shm", 64, 1000, 949, 1, 1, 1).keptUp());
    }

    @Test
    void eachPointIsARowWithItsRatesAndPercentiles() {
        String table = SweepTable.render(POINTS);
        List<String> lines = table.lines().toList();
        String slow = lines.stream().filter(l -> l.contains("5,000 ")).findFirst().orElseThrow(() -> new AssertionError(table));
        assertTrue(slow.contains("shm, 64 B") && slow.contains("4,999") && slow.contains("60.0") && slow.contains("900.0")
                && slow.contains("3,000.0"), slow);
        assertFalse(slow.contains("past capacity"), slow);
        String fast = lines.stream().filter(l -> l.contains("4,000,000")).findFirst().orElseThrow(() -> new AssertionError(table));
        assertTrue(fast.contains("2,100,000") && fast.contains("180,000") && fast.contains("past capacity"), fast);
        assertEquals(1, lines.stream().filter(l -> l.contains("file, 64 B")).count(), table);
    }

    @Test
    void theLadderClimbsFromWellBelowToPastEachTransportsCapacity() {
        for (String transport : List.of("shm", "socket", "file")) {
            long[] ladder = LoadSweep.ladder(transport);
            for (int i = 1; i < ladder.length; i++) {
                assertTrue(ladder[i] > ladder[i - 1], transport + " ladder must climb");
            }
        }
        // past the reference's measured capacities: shm ~4M, socket ~300k, file ~4k msg/s
        assertTrue(LoadSweep.ladder("shm")[LoadSweep.ladder("shm").length - 1] > 4_000_000);
        assertTrue(LoadSweep.ladder("file")[LoadSweep.ladder("file").length - 1] > 5_000);
        assertEquals(LoadSweep.MIN_MESSAGES, LoadSweep.messages(10));
        assertEquals(20_000, LoadSweep.messages(20_000));
    }
}
