package org.ipcspec.channel.support;

/** A point in time on the monotonic clock, or never. Built from a timeout where negative means forever. */
public final class Deadline {

    private static final Deadline NEVER = new Deadline(0, true);

    private final long at;
    private final boolean never;

    private Deadline(long at, boolean never) {
        this.at = at;
        this.never = never;
    }

    /** {@code timeoutNanos < 0} never expires. */
    public static Deadline after(long timeoutNanos) {
        return timeoutNanos < 0 ? NEVER : new Deadline(System.nanoTime() + timeoutNanos, false);
    }

    public boolean expired() {
        return !never && System.nanoTime() - at >= 0;
    }

    /** Nanoseconds left (0 once expired), or {@link Long#MAX_VALUE} for never. */
    public long remainingNanos() {
        return never ? Long.MAX_VALUE : Math.max(0, at - System.nanoTime());
    }

    public boolean isNever() {
        return never;
    }
}
