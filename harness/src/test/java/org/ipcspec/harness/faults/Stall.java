package org.ipcspec.harness.faults;

import java.util.concurrent.locks.LockSupport;

/** Waiting where a correct end would not: the faults that block. */
final class Stall {

    /** How long the faults that wait too long wait: four times the reference profile's non-blocking bound. */
    static final long SECOND = 1_000_000_000L;

    private Stall() {
    }

    /** Waits {@code nanos}; negative means for ever (the endpoint abandons the call at stdin EOF). */
    static void nanos(long nanos) {
        long until = System.nanoTime() + nanos;
        while (nanos < 0 || System.nanoTime() - until < 0) {
            LockSupport.parkNanos(nanos < 0 ? SECOND : Math.min(SECOND, until - System.nanoTime()));
        }
    }
}
