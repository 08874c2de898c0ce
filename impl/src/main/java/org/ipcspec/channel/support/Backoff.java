package org.ipcspec.channel.support;

import java.util.concurrent.locks.LockSupport;

/**
 * How a thread waits for another process without a kernel wake-up: spin briefly (the answer is
 * often microseconds away), then yield the core (on a 2-core machine the peer may need it), then
 * park with a doubling sleep capped at {@link #MAX_PARK_NANOS}, which bounds the extra latency a
 * long wait adds. Not thread-safe; one per waiting loop. {@link #reset()} after progress.
 */
public final class Backoff {

    static final int SPINS = 100;
    static final int YIELDS = 50;
    static final long MIN_PARK_NANOS = 10_000;
    static final long MAX_PARK_NANOS = 500_000;

    private int idles;
    private long parkNanos = MIN_PARK_NANOS;

    public void idle() {
        if (idles < SPINS) {
            idles++;
            Thread.onSpinWait();
        } else if (idles < SPINS + YIELDS) {
            idles++;
            Thread.yield();
        } else {
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(parkNanos * 2, MAX_PARK_NANOS);
        }
    }

    public void reset() {
        idles = 0;
        parkNanos = MIN_PARK_NANOS;
    }
}
