package org.ipcspec.endpoint;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;

import org.ipcspec.channel.MessageBytes;
import org.ipcspec.channel.MessageSink;

/**
 * What a {@code receive_many} learns from each message it collects (docs/protocol.md#receive_many):
 * the filler check, the latency sample ({@code recv_end t} minus {@code sent_t}) and the
 * per-sender order, duplicates and digest. One small method per message, so that the JIT
 * compiles it early and on its own rather than only as part of the batch loop.
 *
 * <p>A message's latency sample waits for its {@code recv_end}: the messages of a run, collected
 * back to back, share one clock reading taken after the last of them ({@link #collectedAt}), at
 * most {@link Runs#MAX_MESSAGES} of them. A reading costs ~30 ns here, as much as a raw ring spends
 * on a 64-byte message; sharing it can only lengthen a sample, by the time the run took
 * (docs/protocol.md#clock-readings).
 */
final class BatchStats implements MessageSink {

    /**
     * Latency samples reserved up front (8 bytes each): a batch of up to this many never grows the
     * array mid-run. Growing it copied 16 and then 32 MB in the middle of a 5-million-message
     * batch, and each new array was a humongous G1 allocation.
     */
    static final int RESERVED_SAMPLES = 1 << 25;

    /** Where a message read through a view of a channel's memory has its filler checked. */
    private final byte[] scratch = new byte[Payload.CHUNK];
    private final Latencies latencies;
    private final Map<Long, SenderStats> perSender = new TreeMap<>();
    /** sent_t of the messages collected since the last reading. */
    private final long[] unstamped = new long[Runs.MAX_MESSAGES];
    private int unstampedCount;
    private SenderStats last;
    private long lastSenderId = -1;
    private long notIntact;
    private long firstCollectedAt = SendOps.NO_TIME;
    private long lastCollectedAt = SendOps.NO_TIME;

    BatchStats(long expected) {
        this.latencies = new Latencies((int) Math.max(16, Math.min(expected, RESERVED_SAMPLES)));
    }

    /**
     * One collected message (position to limit of {@code message}); its latency sample is taken
     * by the next {@link #collectedAt}. A heap buffer is read through its array; any other, a
     * view of a channel's memory, through the buffer, its filler through {@link #scratch}.
     */
    @Override
    public void accept(ByteBuffer message) {
        if (message.hasArray()) {
            accept(message.array(), message.arrayOffset() + message.position(), message.remaining());
            return;
        }
        if (!Payload.isGenerated(message) || !Payload.hasHeader(message)) {
            notIntact++; // a text payload, or a torn header
            return;
        }
        if (!Payload.fillerIntact(message, scratch)) {
            notIntact++;
        }
        arrived(Payload.senderId(message), Payload.seq(message), Payload.sentT(message));
    }

    /** As {@link #accept(ByteBuffer)}, for the message of {@code length} bytes of {@code array} from {@code offset}. */
    void accept(byte[] array, int offset, int length) {
        if (!Payload.isGenerated(array, offset, length) || length < Payload.HEADER_LENGTH) {
            notIntact++; // a text payload, or a torn header
            return;
        }
        if (!Payload.fillerIntact(array, offset, length)) {
            notIntact++;
        }
        arrived(Payload.senderId(array, offset), Payload.seq(array, offset), Payload.sentT(array, offset));
    }

    /** As {@link #accept(ByteBuffer)}, for a message read in place. */
    @Override
    public void accept(MessageBytes message) {
        if (!Payload.isGenerated(message) || message.length() < Payload.HEADER_LENGTH) {
            notIntact++; // a text payload, or a torn header
            return;
        }
        if (!Payload.fillerIntact(message)) {
            notIntact++;
        }
        arrived(Payload.senderId(message), Payload.seq(message), Payload.sentT(message));
    }

    /** A generated payload's header, its filler checked. */
    private void arrived(long senderId, long seq, long sentT) {
        unstamped[unstampedCount++] = sentT;
        if (last == null || senderId != lastSenderId) {
            last = perSender.computeIfAbsent(senderId, id -> new SenderStats());
            lastSenderId = senderId;
        }
        last.arrived(seq);
    }

    /**
     * The clock read at {@code t}, after the messages collected since the last reading (at least
     * one): their recv_end.
     */
    void collectedAt(long t) {
        latencies.addSince(t, unstamped, unstampedCount);
        unstampedCount = 0;
        if (firstCollectedAt == SendOps.NO_TIME) {
            firstCollectedAt = t;
        }
        lastCollectedAt = t;
    }

    /** The recv_end of the batch's first message ({@link SendOps#NO_TIME} before one). */
    long firstCollectedAt() {
        return firstCollectedAt;
    }

    /** The recv_end of the batch's last message so far ({@link SendOps#NO_TIME} before one). */
    long lastCollectedAt() {
        return lastCollectedAt;
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
