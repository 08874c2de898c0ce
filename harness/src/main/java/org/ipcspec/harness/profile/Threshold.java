package org.ipcspec.harness.profile;

/**
 * What one transport must achieve at one message size. A null figure is not checked.
 *
 * @param minMessagesPerSecond end-to-end throughput of a bulk run, at least
 * @param maxP99Micros         99th percentile latency (recv_end minus sent_t), at most, microseconds
 */
public record Threshold(Double minMessagesPerSecond, Double maxP99Micros) {
}
