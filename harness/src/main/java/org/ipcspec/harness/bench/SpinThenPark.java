package org.ipcspec.harness.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * The reference endpoint's wait (impl's {@code Backoff}), copied so that a baseline waits the same
 * way without depending on the endpoint: spin for 20 us, reading the clock every 16 spins, then
 * park with a doubling sleep from 10 us up to 500 us. {@link #reset()} after progress.
 * SpinThenParkTest keeps the two the same.
 */
final class SpinThenPark {

    static final long SPIN_NANOS = 20_000;
    static final int SPINS_PER_CLOCK_READ = 16;
    static final long MIN_PARK_NANOS = 10_000;
    static final long MAX_PARK_NANOS = 500_000;

    private int spins;
    private long spinEnd;
    private boolean parking;
    private long parkNanos = MIN_PARK_NANOS;

    void idle() {
        if (!parking) {
            if (spins == 0) {
                spinEnd = System.nanoTime() + SPIN_NANOS;
            } else if ((spins & (SPINS_PER_CLOCK_READ - 1)) == 0 && System.nanoTime() - spinEnd >= 0) {
                parking = true;
            }
            spins++;
            Thread.onSpinWait();
            return;
        }
        LockSupport.parkNanos(parkNanos);
        parkNanos = Math.min(parkNanos * 2, MAX_PARK_NANOS);
    }

    /** Past the spin: the next {@link #idle} parks. */
    boolean parking() {
        return parking;
    }

    void reset() {
        spins = 0;
        parking = false;
        parkNanos = MIN_PARK_NANOS;
    }
}
