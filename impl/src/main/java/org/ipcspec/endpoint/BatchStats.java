package org.ipcspec.endpoint;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@code receive_many} learns from each message it collects (PROTOCOL.md section 6): the
 * filler check, the latency sample ({@code recv_end t} minus {@code sent_t}) and the per-sender
 * order, duplicates and digest. One small method per message, so that the JIT compiles it early
 * and on its own rather than only as part of the batch loop.
 */
final class BatchStats {

    /** Latency samples reserved up front, so that a batch of up to this many never grows the array mid-run. */
    static final int RESERVED_SAMPLES = 1 << 21;

    private final Latencies latencies;
    private final Map<Long, SenderStats> perSender = new TreeMap<>();
    private SenderStats last;
    private long lastSenderId = -1;
    private long notIntact;

    BatchStats(long expected) {
        this.latencies = new Latencies((int) Math.max(16, Math.min(expected, RESERVED_SAMPLES)));
    }

    /** One collected message (position to limit of {@code message}), collected at {@code end}. */
    void arrived(ByteBuffer message, long end) {
        if (!Payload.isGenerated(message) || !Payload.hasHeader(message)) {
            notIntact++; // a text payload, or a torn header
            return;
        }
        long senderId = Payload.senderId(message);
        if (!Payload.fillerIntact(message)) {
            notIntact++;
        }
        latencies.add(end - Payload.sentT(message));
        if (last == null || senderId != lastSenderId) {
            last = perSender.computeIfAbsent(senderId, id -> new SenderStats());
            lastSenderId = senderId;
        }
        last.arrived(Payload.seq(message));
    }

    long notIntact() {
        return notIntact;
    }

    Latencies latencies() {
        return latencies;
    }

    /** By sender_id, ascending. */
    Map<Long, SenderStats> perSender() {
        return perSender;
    }
}
