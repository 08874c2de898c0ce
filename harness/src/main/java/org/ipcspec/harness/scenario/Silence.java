package org.ipcspec.harness.scenario;

/**
 * How long one participant has gone without writing a line, on the harness's clock, and the
 * longest gap between its lines since the harness last wrote it a request: its own cadence. A
 * bulk run whose side is silent for well over its cadence is stuck, whatever that cadence is (a
 * file receiver at 100 messages a second writes a sampled line every few hundred milliseconds; a
 * shm one every few). Time the harness kept the participant stopped (SIGSTOP) is not its silence:
 * a resume counts as a line. Written by the endpoint's reader thread, read by the scenario's.
 */
final class Silence {

    private long lastLine;
    private long longestGap;

    Silence(long startedNanos) {
        this.lastLine = startedNanos;
    }

    synchronized void line(long nanos) {
        longestGap = Math.max(longestGap, nanos - lastLine);
        lastLine = nanos;
    }

    /** A new request starts a new stretch: the gaps of earlier calls say nothing of this one's pace. */
    synchronized void requested(long nanos) {
        longestGap = 0;
        lastLine = Math.max(lastLine, nanos);
    }

    /** The participant was just resumed: the pause it sat out is the harness's doing, not its silence. */
    synchronized void resumed(long nanos) {
        lastLine = Math.max(lastLine, nanos);
    }

    synchronized long lastLine() {
        return lastLine;
    }

    synchronized long longestGap() {
        return longestGap;
    }
}
