package org.ipcspec.endpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.ipcspec.channel.Mode;
import org.ipcspec.channel.Role;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.support.Backoff;
import org.ipcspec.channel.support.Deadline;

/**
 * {@code receive} and {@code receive_many} (docs/protocol.md#receive,
 * docs/protocol.md#receive_many). A receive is framed by {@code recv_begin}, taken just before
 * the transport call, and {@code recv_end}, taken just after it returns; with a message,
 * {@code recv_end} and the reply describe it.
 */
final class ReceiveOps {

    private final Session session;
    private final LineWriter out;

    ReceiveOps(Session session, LineWriter out) {
        this.session = session;
        this.out = out;
    }

    void receive(Request request) throws RequestException, ClosingException {
        long timeoutNanos = Session.timeoutNanos(request, Receiver.FOREVER);
        Handle handle = session.acquireReceiver(request);
        Receiver receiver = handle.receiver;
        ByteBuffer buffer = handle.buffer(receiver.maxMessageBytes());
        long begin = System.nanoTime();
        out.write(JsonLine.event("recv_begin", handle.name).number("t", begin));
        String status;
        String message = null;
        try {
            status = receiver.receive(buffer, timeoutNanos).wireName();
        } catch (RuntimeException e) {
            status = "error";
            message = SendOps.failure(e);
        } finally {
            session.release(handle);
        }
        long end = System.nanoTime();
        if (session.abandoned()) {
            return;
        }
        JsonLine event = JsonLine.event("recv_end", handle.name).number("t", end);
        JsonLine reply = JsonLine.reply(request.id(), true);
        for (JsonLine line : new JsonLine[] {event, reply}) {
            line.string("status", status);
            if (message != null) {
                line.string("message", message);
            }
            if (ReceiveStatus.MESSAGE.wireName().equals(status)) {
                describe(line, buffer, receiver.contentType());
            }
        }
        out.write(event);
        out.write(reply);
    }

    /**
     * Collects {@code count} messages. A synchronous receiver waits for each with what is left
     * of {@code timeout_ms}; an asynchronous one polls, counting {@code empty} answers. The batch
     * ends with {@code timeout} when {@code timeout_ms} passes first, or with the first
     * {@code closed} or {@code error}.
     */
    void receiveMany(Request request) throws RequestException, ClosingException {
        long count = request.requiredLong("count", 0, Long.MAX_VALUE);
        long sampleEvery = request.optionalLong("sample_every", 0, Long.MAX_VALUE, 0);
        long timeoutNanos = Session.timeoutNanos(request, -1);
        String ackChannel = request.optionalString("ack_channel", null);
        Handle handle = session.acquireReceiver(request);
        Handle acks = ackChannel == null ? null : session.acquire(ackChannel, Role.SENDER, request.op());
        ByteBuffer ack = acks == null ? null : acks.buffer(handle.receiver.maxMessageBytes());
        long acknowledged = 0;
        Deadline deadline = Deadline.after(timeoutNanos);
        Receiver receiver = handle.receiver;
        boolean sync = receiver.mode() == Mode.SYNC;
        String contentType = receiver.contentType();
        ByteBuffer buffer = handle.buffer(receiver.maxMessageBytes());

        long received = 0;
        long emptyPolls = 0;
        String status = "ok";
        String message = null;
        BatchStats stats = new BatchStats(count);
        Backoff backoff = new Backoff();
        try {
            while (received < count) {
                if (session.abandoned()) {
                    return;
                }
                if (acks == null) {
                    Runs.Progress runs = receiveRuns(receiver, buffer, stats, received, count, sampleEvery);
                    received += runs.messages();
                    if (runs.failure() != null) {
                        status = "error";
                        message = SendOps.failure(runs.failure());
                        break;
                    }
                    if (runs.messages() > 0) {
                        backoff.reset();
                        continue;
                    }
                }
                boolean sampled = sampleEvery > 0 && (received + 1) % sampleEvery == 0;
                // recv_begin is written only for sampled receives; every message gets its latency sample.
                long begin = sampled ? System.nanoTime() : 0;
                if (sampled && sync) {
                    out.write(JsonLine.event("recv_begin", handle.name).number("t", begin));
                }
                ReceiveStatus result;
                try {
                    result = sync ? receiver.receiveBefore(buffer, deadline) : receiver.receive(buffer, 0);
                } catch (RuntimeException e) {
                    status = "error";
                    message = SendOps.failure(e);
                    if (sampled && sync) {
                        out.write(JsonLine.event("recv_end", handle.name).number("t", System.nanoTime())
                                .string("status", status).string("message", message));
                    }
                    break;
                }
                long end = System.nanoTime();
                if (result == ReceiveStatus.EMPTY) {
                    emptyPolls++;
                    if (deadline.expired()) {
                        status = ReceiveStatus.TIMEOUT.wireName();
                        break;
                    }
                    backoff.idle();
                    continue;
                }
                if (result != ReceiveStatus.MESSAGE) {
                    status = result.wireName();
                    if (sampled && sync) {
                        out.write(JsonLine.event("recv_end", handle.name).number("t", end).string("status", status));
                    }
                    break;
                }
                backoff.reset();
                received++;
                stats.accept(buffer);
                stats.collectedAt(end);
                if (sampled) {
                    if (!sync) {
                        out.write(JsonLine.event("recv_begin", handle.name).number("t", begin));
                    }
                    JsonLine line = JsonLine.event("recv_end", handle.name).number("t", end)
                            .string("status", ReceiveStatus.MESSAGE.wireName());
                    describe(line, buffer, contentType);
                    out.write(line);
                }
                if (acks != null) {
                    // request/reply: the sender waits for this before it sends the next message
                    String failed = acknowledge(acks, ack, buffer, deadline, backoff);
                    backoff.reset();
                    if (failed != null) {
                        status = "error";
                        message = "acknowledging seq " + (Payload.hasHeader(buffer) ? Payload.seq(buffer) : "?") + " on \""
                                + ackChannel + "\": " + failed;
                        break;
                    }
                    acknowledged++;
                }
            }
        } finally {
            session.release(handle);
            if (acks != null) {
                session.release(acks);
            }
        }
        if (session.abandoned()) {
            return;
        }
        JsonLine event = JsonLine.event("batch_end", handle.name);
        JsonLine reply = JsonLine.reply(request.id(), true);
        for (JsonLine line : new JsonLine[] {event, reply}) {
            line.number("count", count).number("received", received).number("empty_polls", emptyPolls);
            SendOps.time(line, "first_t", stats.firstCollectedAt());
            SendOps.time(line, "last_t", stats.lastCollectedAt());
            line.string("status", status);
            if (message != null) {
                line.string("message", message);
            }
            line.number("not_intact", stats.notIntact());
            if (acks != null) {
                line.number("acknowledged", acknowledged);
            }
            stats.latencies().writeTo(line, "latency_ns");
            line.beginObject("per_sender");
            for (Map.Entry<Long, SenderStats> entry : stats.perSender().entrySet()) {
                SenderStats one = entry.getValue();
                line.beginObject(Long.toString(entry.getKey()))
                        .number("received", one.received())
                        .number("first_seq", one.firstSeq())
                        .number("last_seq", one.lastSeq())
                        .number("out_of_order", one.outOfOrder())
                        .number("duplicates", one.duplicates())
                        .string("digest", one.digest())
                        .endObject();
            }
            line.endObject();
        }
        out.write(event);
        out.write(reply);
    }

    /**
     * Takes runs, the messages already there, each up to the next sampled one, by one call and
     * sharing one clock reading (Receiver.receiveReady, BatchStats), until none is ready or the
     * batch has them all. Kept apart from the batch loop, like {@code SendOps.sendRuns}: a few
     * hundred bytes of code the JIT compiles at once, where the whole loop took it 0.2-0.4 s per
     * compilation, several times a run (OSR, then again after each rare branch first taken), on
     * a core the two endpoints' spinning threads were sharing.
     *
     * @return how many messages the runs took (none when none was ready), and the transport's
     *         failure that ended them
     */
    private Runs.Progress receiveRuns(Receiver receiver, ByteBuffer buffer, BatchStats stats, long received, long count,
                                      long sampleEvery) {
        long taken = 0;
        int limit;
        while ((limit = Runs.receiveLength(received + taken, count, sampleEvery)) > 0 && !session.abandoned()) {
            int run;
            try {
                run = receiver.receiveReady(buffer, stats, limit);
            } catch (RuntimeException e) {
                return new Runs.Progress(taken, e);
            }
            if (run == 0) {
                break;
            }
            taken += run;
            stats.collectedAt(System.nanoTime());
        }
        return taken == 0 ? Runs.Progress.NONE : new Runs.Progress(taken, null);
    }

    /** Sends the acknowledgement of a collected message; null when it went, else why not. */
    private static String acknowledge(Handle acks, ByteBuffer ack, ByteBuffer received, Deadline deadline, Backoff backoff) {
        if (!Payload.isGenerated(received) || !Payload.hasHeader(received)) {
            return "only a generated payload can be acknowledged";
        }
        try {
            SendStatus status = Acknowledgements.acknowledge(acks.sender, ack, acks.senderId, received, deadline, backoff);
            return status == SendStatus.OK ? null : status.wireName();
        } catch (RuntimeException e) {
            return SendOps.failure(e);
        }
    }

    /**
     * The fields of a collected message: for a generated payload {@code seq, sender_id, size,
     * sent_t, intact}; for a text payload {@code text, size}; {@code content_type} in both. A
     * payload with the magic but shorter than the header is reported with null header fields and
     * {@code intact:false}.
     */
    static void describe(JsonLine line, ByteBuffer message, String contentType) {
        int size = message.remaining();
        if (Payload.isGenerated(message)) {
            if (Payload.hasHeader(message)) {
                line.number("seq", Payload.seq(message))
                        .number("sender_id", Payload.senderId(message))
                        .number("size", size)
                        .number("sent_t", Payload.sentT(message))
                        .bool("intact", Payload.fillerIntact(message));
            } else {
                line.nullValue("seq").nullValue("sender_id").number("size", size).nullValue("sent_t").bool("intact", false);
            }
        } else {
            byte[] bytes = new byte[size];
            message.duplicate().get(bytes);
            line.string("text", new String(bytes, StandardCharsets.UTF_8)).number("size", size);
        }
        line.string("content_type", contentType);
    }
}
