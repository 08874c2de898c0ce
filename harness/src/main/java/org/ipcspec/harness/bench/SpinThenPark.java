package org.ipcspec.harness.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * The reference endpoint's wait (impl's {@code Backoff}), copied so that a baseline waits the same
 * way without depending on the endpoint: spin 100 times, yield 50 times, then park with a
 * doubling sleep from 10 us up to 500 us. {@link #reset()} after progress.
 */
final class SpinThenPark {

    private int idles;
    private long parkNanos = 10_000;

    void idle() {
        if (idles < 100) {
            idles++;
            Thread.onSpinWait();
        } else if (idles < 150) {
            idles++;
            Thread.yield();
        } else {
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(parkNanos * 2, 500_000);
        }
    }

    void reset() {
        idles = 0;
        parkNanos = 10_000;
    }
}
