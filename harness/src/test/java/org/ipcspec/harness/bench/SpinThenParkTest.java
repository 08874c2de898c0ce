package org.ipcspec.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ipcspec.channel.support.Backoff;
import org.junit.jupiter.api.Test;

/** The raw ping-pong baseline is "spin-then-park like the reference": only while its wait is the reference's. */
class SpinThenParkTest {

    @Test
    void waitsAsTheReferenceEndpointDoes() {
        assertEquals(Backoff.SPIN_NANOS, SpinThenPark.SPIN_NANOS, "spin time");
        assertEquals(Backoff.SPINS_PER_CLOCK_READ, SpinThenPark.SPINS_PER_CLOCK_READ, "spins per clock read");
        assertEquals(Backoff.MIN_PARK_NANOS, SpinThenPark.MIN_PARK_NANOS, "first park");
        assertEquals(Backoff.MAX_PARK_NANOS, SpinThenPark.MAX_PARK_NANOS, "longest park");
    }

    @Test
    void spinsForItsTimeThenParksUntilReset() {
        SpinThenPark wait = new SpinThenPark();
        long start = System.nanoTime();
        while (!wait.parking()) {
            wait.idle();
            assertTrue(System.nanoTime() - start < 10_000_000_000L, "a wait that never parks");
        }
        long spun = System.nanoTime() - start;
        assertTrue(spun >= SpinThenPark.SPIN_NANOS, "parked after " + spun + " ns of spinning");
        wait.reset();
        assertFalse(wait.parking(), "progress starts the spin again");
    }
}
