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
        wait.idle();
        while (System.nanoTime() - start < SpinThenPark.SPIN_NANOS) {
            wait.idle();
        }
        for (int i = 0; i < SpinThenPark.SPINS_PER_CLOCK_READ; i++) {
            wait.idle(); // one of these reads the clock
        }
        assertTrue(wait.parking(), "past its spin time a wait parks");
        wait.reset();
        assertFalse(wait.parking(), "progress starts the spin again");
    }
}
