package org.ipcspec.harness.profile;

/**
 * What one transport must achieve at one message size. A null figure is not checked.
 *
 * @param minMessagesPerSecond end-to-end throughput of a saturating bulk run, at least
 * @param maxP99Micros         the p99 latency of a saturating run, microseconds: shown by {@code ./ipcspec bench}, no
 *                             longer judged by the suite (that run measures its queue, not the transport; see
 *                             {@code latency})
 * @param latency              one-way latency at an offered rate (LATENCY), or null
 * @param roundTrip            round trip of a synchronous send (LATENCY), or null; its rate is null
 * @param requestReply         round trip of a request and its acknowledgement on the reply channel (LATENCY), or null;
 *                             its rate is null
 */
public record Threshold(Double minMessagesPerSecond, Double maxP99Micros, LatencyBounds latency, LatencyBounds roundTrip,
                        LatencyBounds requestReply) {

    /** Throughput (and the saturating p99, not judged) only. */
    public Threshold(Double minMessagesPerSecond, Double maxP99Micros) {
        this(minMessagesPerSecond, maxP99Micros, null, null, null);
    }
}
