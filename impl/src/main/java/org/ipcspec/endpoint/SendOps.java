package org.ipcspec.endpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.ipcspec.channel.Mode;
import org.ipcspec.channel.Role;
import org.ipcspec.channel.Sender;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.support.Backoff;

/**
 * {@code send} and {@code send_many} (docs/protocol.md#send,
 * docs/protocol.md#send_many, docs/protocol.md#generated-payloads). Each send is framed by
 * {@code send_begin}, whose time is also the payload's {@code sent_t}, taken just before the
 * transport call, and {@code send_end}, taken just after it returns; every outcome gets both.
 */
final class SendOps {

    /**
     * A generated payload over the sender's limit is still built and handed to the transport (so
     * its own {@code too_large} check is what answers) up to this size; beyond it the endpoint
     * answers {@code too_large} itself rather than allocate, say, 2 GiB.
     */
    static final int MATERIALISE_LIMIT = 16 << 20;

    /** The highest {@code rate} accepted: one message a nanosecond. */
    static final long MAX_RATE = 1_000_000_000L;

    /** Marks a time not taken (no message attempted); written as null. */
    static final long NO_TIME = Long.MIN_VALUE;

    private static final byte[] MAGIC = {'I', 'P', 'C', '1'};

    private final Session session;
    private final LineWriter out;

    SendOps(Session session, LineWriter out) {
        this.session = session;
        this.out = out;
    }

    void send(Request request) throws RequestException, ClosingException {
        long seq = request.requiredLong("seq", 0, Request.MAX_SEQ_EXCLUSIVE - 1);
        boolean hasSize = request.has("size");
        if (hasSize == request.has("text")) {
            throw RequestException.invalid("give exactly one of size (a generated payload) and text");
        }
        long timeoutNanos = Session.timeoutNanos(request, Sender.FOREVER);
        int size = hasSize ? size(request) : 0;
        byte[] text = hasSize ? null : request.requiredString("text").getBytes(StandardCharsets.UTF_8);
        if (text != null && startsWithMagic(text)) {
            throw RequestException.invalid("field text must not begin with IPC1, which marks a generated payload");
        }
        Handle handle = session.acquireSender(request);
        ByteBuffer payload = null;
        if (hasSize) {
            if (size <= MATERIALISE_LIMIT || size <= handle.sender.maxMessageBytes()) {
                payload = handle.buffer(size);
                Payload.write(payload, seq, handle.senderId, size);
            }
        } else {
            payload = ByteBuffer.wrap(text);
        }

        long begin = System.nanoTime();
        if (hasSize && payload != null) {
            Payload.putSentT(payload, begin);
        }
        out.write(JsonLine.event("send_begin", handle.name).number("seq", seq).number("t", begin));
        String status;
        String message = null;
        if (payload == null) {
            status = SendStatus.TOO_LARGE.wireName();
        } else {
            try {
                status = handle.sender.send(payload, timeoutNanos).wireName();
            } catch (RuntimeException e) {
                status = "error";
                message = failure(e);
            } finally {
                session.release(handle);
            }
        }
        long end = System.nanoTime();
        if (session.abandoned()) {
            return;
        }
        JsonLine event = JsonLine.event("send_end", handle.name).number("seq", seq).number("t", end).string("status", status);
        JsonLine reply = JsonLine.reply(request.id(), true).string("status", status);
        if (message != null) {
            event.string("message", message);
            reply.string("message", message);
        }
        out.write(event);
        out.write(reply);
    }

    /**
     * Sends {@code first_seq .. first_seq+count-1}. {@code full} is retried with a back-off and
     * counted; for an asynchronous sender with {@code timeout_ms}, a message still refused after
     * that long ends the batch with {@code full}. Any other non-ok status ends the batch. With
     * {@code rate} each message waits for its due time ({@link Pacer}) and carries that time as its
     * {@code sent_t}. A synchronous sender reports the percentiles of its send durations
     * ({@code send_ns}): each is a round trip to the receiver and back.
     */
    void sendMany(Request request) throws RequestException, ClosingException {
        long firstSeq = request.requiredLong("first_seq", 0, Request.MAX_SEQ_EXCLUSIVE - 1);
        long count = request.requiredLong("count", 0, Request.MAX_SEQ_EXCLUSIVE - firstSeq);
        int size = size(request);
        long sampleEvery = request.optionalLong("sample_every", 0, Long.MAX_VALUE, 0);
        long rate = request.optionalLong("rate", 1, MAX_RATE, 0);
        boolean hasTimeout = request.has("timeout_ms");
        long timeoutNanos = Session.timeoutNanos(request, Sender.FOREVER);
        String replyChannel = request.optionalString("reply_channel", null);
        Handle handle = session.acquireSender(request);
        Handle replies = replyChannel == null ? null : session.acquire(replyChannel, Role.RECEIVER, request.op());
        ByteBuffer replyBuffer = replies == null ? null : replies.buffer(replies.receiver.maxMessageBytes());
        Latencies roundTrips = replies == null ? null : new Latencies();
        Sender sender = handle.sender;
        boolean async = sender.mode() == Mode.ASYNC;
        Latencies sendDurations = async ? null : new Latencies();
        Pacer pacer = null;

        long sent = 0;
        long firstT = NO_TIME;
        long lastT = NO_TIME;
        String status = "ok";
        String message = null;
        ByteBuffer payload = size <= MATERIALISE_LIMIT || size <= sender.maxMessageBytes() ? handle.buffer(size) : null;
        Backoff backoff = new Backoff();
        FullRetries fullRetries = new FullRetries(session, backoff, async && hasTimeout ? timeoutNanos : -1);
        // Runs: the messages of an unpaced asynchronous batch go to the transport up to
        // Runs.MAX_MESSAGES at a time, stamped with one clock reading and written where it wants them.
        PayloadRun run = async && rate == 0 && replies == null && payload != null ? new PayloadRun(handle.senderId, size) : null;
        try {
            long i = 1;
            while (i <= count) {
                if (session.abandoned()) {
                    return;
                }
                if (run != null) {
                    Runs.Progress runs = sendRuns(sender, run, firstSeq, i, count, sampleEvery);
                    if (i == 1 && runs.messages() > 0) {
                        firstT = run.firstSentT();
                    }
                    sent += runs.messages();
                    i += runs.messages();
                    if (runs.failure() != null) {
                        status = "error";
                        message = failure(runs.failure());
                        lastT = System.nanoTime();
                        break;
                    }
                    if (runs.messages() > 0) {
                        continue;
                    }
                }
                long seq = firstSeq + i - 1;
                boolean sampled = sampleEvery > 0 && i % sampleEvery == 0;
                long due = 0;
                if (rate > 0) {
                    if (pacer == null) {
                        pacer = new Pacer(System.nanoTime(), rate);
                    }
                    due = pacer.due(i - 1);
                    Pacer.awaitDue(due);
                }
                long begin = System.nanoTime();
                if (i == 1) {
                    firstT = begin;
                }
                if (sampled) {
                    out.write(JsonLine.event("send_begin", handle.name).number("seq", seq).number("t", begin));
                }
                SendStatus result;
                try {
                    // All but the last go out as sendMore: the transport may coalesce them (one
                    // system call for many frames); the last, a plain send, writes them all. Not in
                    // a paced batch: a message sent at its due time must leave then, not when
                    // enough others have gathered behind it (its latency would be the gathering).
                    // Nor in a request/reply batch, whose next message waits for this one's answer.
                    boolean more = i < count && rate == 0 && replies == null;
                    result = payload == null ? SendStatus.TOO_LARGE
                            : sendOne(sender, payload, seq, handle.senderId, size, rate > 0 ? due : begin, more, timeoutNanos);
                    if (result == SendStatus.FULL) {
                        result = fullRetries.retry(sender, payload, more, timeoutNanos);
                    }
                    status = result.wireName();
                } catch (RuntimeException e) {
                    status = "error";
                    message = failure(e);
                }
                // send_end is read once per message only where it is written: a sampled send, the
                // last one (batch_end's last_t) and the one that ends the batch early. The clock
                // costs 25-100 ns a read here; sent_t, which the protocol needs, stays per message.
                boolean ok = "ok".equals(status);
                if (sampled || !ok || i == count || sendDurations != null) {
                    // a synchronous batch times every send: its durations are round trips (send_ns)
                    lastT = System.nanoTime();
                }
                if (sampled) {
                    JsonLine end = JsonLine.event("send_end", handle.name).number("seq", seq).number("t", lastT)
                            .string("status", status);
                    if (message != null) {
                        end.string("message", message);
                    }
                    out.write(end);
                }
                if (!ok) {
                    break;
                }
                if (sendDurations != null) {
                    sendDurations.add(lastT - begin);
                }
                sent++;
                if (replies != null) {
                    // request/reply: the next message waits for this one's acknowledgement
                    String missing;
                    try {
                        missing = Acknowledgements.await(replies.receiver, replyBuffer, seq, timeoutNanos, backoff);
                        backoff.reset();
                    } catch (RuntimeException e) {
                        missing = failure(e);
                    }
                    lastT = System.nanoTime();
                    if (missing != null) {
                        status = "error";
                        message = "no acknowledgement of seq " + seq + " on \"" + replyChannel + "\": " + missing;
                        break;
                    }
                    roundTrips.add(lastT - begin);
                }
                i++;
            }
        } finally {
            session.release(handle);
            if (replies != null) {
                session.release(replies);
            }
        }
        if (session.abandoned()) {
            return;
        }
        JsonLine event = JsonLine.event("batch_end", handle.name);
        JsonLine reply = JsonLine.reply(request.id(), true);
        for (JsonLine line : new JsonLine[] {event, reply}) {
            line.number("count", count).number("sent", sent).number("full_retries", fullRetries.count());
            time(line, "first_t", firstT);
            time(line, "last_t", lastT);
            line.string("status", status);
            if (message != null) {
                line.string("message", message);
            }
            if (sendDurations != null) {
                sendDurations.writeTo(line, "send_ns");
            }
            if (roundTrips != null) {
                roundTrips.writeTo(line, "round_trip_ns");
            }
        }
        out.write(event);
        out.write(reply);
    }

    /**
     * Sends runs from message {@code i} (1-based) of the batch, each up to the next sampled
     * message, stamped with one clock reading taken before any of it is sent (it can only make a
     * message's sent_t early, so its latency long: docs/protocol.md#clock-readings), while the
     * transport takes them. Kept apart from the batch loop: the JIT compiles these few hundred bytes
     * at once, where it compiled the whole loop (40 KB of machine code, 0.2-0.4 s each time) five
     * times in a run (OSR, then again after each rare branch first taken), on one of the two cores
     * the endpoints' spinning threads were sharing.
     *
     * @return how many messages went (none: send message {@code i} alone, as no run was possible or
     *         the transport took none: full, closed), and the transport's failure that ended the runs
     */
    private Runs.Progress sendRuns(Sender sender, PayloadRun run, long firstSeq, long i, long count, long sampleEvery) {
        long taken = 0;
        int length;
        while ((length = Runs.sendLength(i + taken, count, sampleEvery)) > 0 && !session.abandoned()) {
            int n;
            try {
                n = sender.sendRun(run.from(firstSeq + i + taken - 1, System.nanoTime()), run.size(), length);
            } catch (RuntimeException e) {
                return new Runs.Progress(taken, e);
            }
            if (n == 0) {
                break;
            }
            taken += n;
        }
        return taken == 0 ? Runs.Progress.NONE : new Runs.Progress(taken, null);
    }

    /**
     * One message of a batch: its payload, stamped with its send_begin, then the transport call.
     * Kept apart from the loop so that the JIT compiles the per-message path early and on its
     * own: a rare branch taken late (the batch's last message) then recompiles this small
     * method, not the whole batch loop, which on a loaded machine took seconds of slow sends.
     */
    /** @param sentT the message's sent_t: when it was begun, or in a paced batch when it was due */
    private static SendStatus sendOne(Sender sender, ByteBuffer payload, long seq, long senderId, int size, long sentT,
                                      boolean more, long timeoutNanos) {
        Payload.write(payload, seq, senderId, size);
        Payload.putSentT(payload, sentT);
        return transportCall(sender, payload, more, timeoutNanos);
    }

    static SendStatus transportCall(Sender sender, ByteBuffer payload, boolean more, long timeoutNanos) {
        return more ? sender.sendMore(payload, timeoutNanos) : sender.send(payload, timeoutNanos);
    }

    private static int size(Request request) throws RequestException {
        long size = request.requiredLong("size", Long.MIN_VALUE, Long.MAX_VALUE);
        if (size < Payload.HEADER_LENGTH || size > Integer.MAX_VALUE) {
            throw RequestException.invalid("field size must be in [" + Payload.HEADER_LENGTH + ", " + Integer.MAX_VALUE
                    + "] (a generated payload has a " + Payload.HEADER_LENGTH + "-byte header), not " + size);
        }
        return (int) size;
    }

    static void time(JsonLine line, String name, long t) {
        if (t == NO_TIME) {
            line.nullValue(name);
        } else {
            line.number(name, t);
        }
    }

    static boolean startsWithMagic(byte[] text) {
        if (text.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (text[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    static String failure(RuntimeException e) {
        Log.warn("transport call failed", e);
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
