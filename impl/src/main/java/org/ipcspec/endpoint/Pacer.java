package org.ipcspec.endpoint;

import java.util.concurrent.locks.LockSupport;

/**
 * The due times of a paced {@code send_many} (docs/protocol.md#send_many, field {@code rate}):
 * message i (0-based) is due at the batch's start plus i / rate seconds. The sender waits for a
 * message's due time and never sends early; a message held up behind a slow send is sent at once
 * when it is late, and its {@code sent_t} is still its due time, so the hold-up shows in its
 * latency (the coordinated-omission correction of wrk2 and HdrHistogram).
 */
final class Pacer {

    /**
     * Closer to a due time than this, the wait spins; further, it parks. A park overshoots by about
     * the timer slack (50 us on Linux), so a message may go out that much late, which its latency
     * then shows; spinning all the way would keep a core busy on a 2-core machine and cost more.
     */
    static final long SPIN_NANOS = 20_000;

    private final long start;
    private final double nanosPerMessage;

    Pacer(long start, long ratePerSecond) {
        this.start = start;
        this.nanosPerMessage = 1e9 / ratePerSecond;
    }

    /** The due time of message {@code index} (0-based) on the System.nanoTime() clock. */
    long due(long index) {
        return start + (long) (index * nanosPerMessage);
    }

    /** Waits until {@code due}; returns at once when it has passed. */
    static void awaitDue(long due) {
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(left - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
