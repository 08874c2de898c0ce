package org.ipcspec.channel.support;

import java.util.concurrent.locks.LockSupport;

/**
 * How a thread waits for another process without a kernel wake-up: spin for {@link #SPIN_NANOS}
 * (the answer is often microseconds away), then park with a doubling sleep capped at
 * {@link #MAX_PARK_NANOS}, which bounds the extra latency a long wait adds.
 *
 * <p>The spin is timed, not counted: 100 {@code onSpinWait}s took 1.5 us here, and a park asked
 * for 10 us sleeps 60 us or more (the kernel's timer slack), so a synchronous shm round trip of
 * 0.6 us that met any hiccup over 1.5 us paid a park: p99 198 us, mean 17.8 us, against 6.9 and
 * 2.0 for the same ring without those parks. No {@code Thread.yield()} between the two: on a
 * loaded machine a yield hands the core to a busy process for the rest of its time slice
 * (milliseconds under CFS), and fifty of them made the shm receiver's median latency at 5,000
 * msg/s 1.5-2.3 ms with two CPU hogs running, against 70 us for the socket receiver that sleeps in
 * the kernel; a park gives the core up just as well and comes back when asked. Not thread-safe;
 * one per waiting loop. {@link #reset()} after progress.
 */
public final class Backoff {

    /** How long a wait spins before it parks; a wait this long costs this much CPU at most. */
    public static final long SPIN_NANOS = 20_000;
    /** The clock is read every this many spins (a power of two), not at each. */
    public static final int SPINS_PER_CLOCK_READ = 16;
    public static final long MIN_PARK_NANOS = 10_000;
    public static final long MAX_PARK_NANOS = 500_000;

    private int spins;
    private long spinEnd;
    private boolean parking;
    private long parkNanos = MIN_PARK_NANOS;

    public void idle() {
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

    public void reset() {
        spins = 0;
        parking = false;
        parkNanos = MIN_PARK_NANOS;
    }
}
