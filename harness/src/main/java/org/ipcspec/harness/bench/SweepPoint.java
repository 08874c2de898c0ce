package org.ipcspec.harness.bench;

/**
 * One point of a latency-against-offered-load sweep: a paced run at {@code offered} messages a
 * second and what came of it. {@code achieved} is count over the run's one-way time (the
 * sender's first send to the receiver's last collection, one clock); latency is recv_end minus
 * each message's due time, so a run past capacity shows its growing queue.
 */
public record SweepPoint(String transport, int messageBytes, long offered, double achieved, long p50Ns, long p99Ns, long p999Ns) {

    /** Below this share of the offered rate (a run that kept up reaches 0.999 of it) the channel did not keep up: the run is past the knee. */
    static final double KEPT_UP = 0.95;

    /** Whether the channel carried the offered rate. */
    public boolean keptUp() {
        return achieved >= KEPT_UP * offered;
    }
}
