package org.ipcspec.harness.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written histories for tests. Times are milliseconds from the start of the scenario; entries
 * may be written in any order, {@link #build()} sorts them by time (stably) as a recorder would
 * have seen them. Each call writes its request mark, events and reply, like a real endpoint.
 *
 * <pre>
 * History h = new HistoryDsl()
 *     .open("receiver", "receiver", "sync").open("sender", "sender", "sync")
 *     .send("sender", 1, 10, 320.0, "ok")
 *     .receive("receiver", 300, 310.0, "message", "seq", 1)
 *     .build();
 * </pre>
 */
public final class HistoryDsl {

    /** The clock reading at ms 0: an arbitrary, large monotonic time. */
    public static final long BASE = 5_000_000_000_000L;

    /** @param time the entry's time (an event's t); @param arrival when the harness read it, which orders the history */
    private record Pending(Entry.Kind kind, String participant, long time, long arrival, Map<String, Object> fields) {
        Pending(Entry.Kind kind, String participant, long time, Map<String, Object> fields) {
            this(kind, participant, time, time, fields);
        }
    }

    private final List<Pending> pending = new ArrayList<>();
    private final Map<String, Long> nextId = new HashMap<>();
    private final Map<String, Long> lastId = new HashMap<>();
    private String address = "/tmp/ipcspec-test/c1";
    private String transport = "shm";
    private double openCursor;

    public static long t(double ms) {
        return BASE + Math.round(ms * 1_000_000);
    }

    public static Map<String, Object> kv(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Transport and address of the opens that follow. */
    public HistoryDsl channel(String transport, String address) {
        this.transport = transport;
        this.address = address;
        return this;
    }

    /** A request mark at {@code ms}; fields after op as key, value pairs. */
    public HistoryDsl request(String p, double ms, String op, Object... kv) {
        long id = nextId.merge(p, 1L, Long::sum);
        lastId.put(p, id);
        Map<String, Object> f = kv("id", id, "op", op);
        f.putAll(kv(kv));
        pending.add(new Pending(Entry.Kind.REQUEST, p, t(ms), f));
        return this;
    }

    /** A reply to {@code p}'s latest request, at {@code ms}, ok:true unless given. */
    public HistoryDsl reply(String p, double ms, Object... kv) {
        Map<String, Object> f = kv("type", "reply", "id", lastId.get(p), "ok", true);
        f.putAll(kv(kv));
        pending.add(new Pending(Entry.Kind.LINE, p, t(ms), f));
        return this;
    }

    /** An event with {@code t} at {@code ms}. */
    public HistoryDsl event(String p, double ms, String event, Object... kv) {
        Map<String, Object> f = kv("type", "event", "event", event, "channel", "main");
        f.putAll(kv(kv));
        f.put("t", t(ms));
        pending.add(new Pending(Entry.Kind.LINE, p, t(ms), f));
        return this;
    }

    /** An event read by the harness at {@code readMs} whose {@code t} says {@code claimedMs}: a lie, or an honest earlier time. */
    public HistoryDsl eventClaiming(String p, double readMs, double claimedMs, String event, Object... kv) {
        Map<String, Object> f = kv("type", "event", "event", event, "channel", "main");
        f.putAll(kv(kv));
        f.put("t", t(claimedMs));
        pending.add(new Pending(Entry.Kind.LINE, p, t(claimedMs), t(readMs), f));
        return this;
    }

    /** A harness mark (KILLED, EXITED, STARTED) at {@code ms}. */
    public HistoryDsl mark(Entry.Kind kind, String p, double ms) {
        pending.add(new Pending(kind, p, t(ms), Map.of()));
        return this;
    }

    public HistoryDsl kill(String p, double ms) {
        return mark(Entry.Kind.KILLED, p, ms);
    }

    public HistoryDsl exited(String p, double ms) {
        return mark(Entry.Kind.EXITED, p, ms);
    }

    /**
     * open with reply status ok, before the scenario proper: the n-th open is requested at 2n ms and
     * answered 1 ms later. Extra request fields (and "status" for the reply) as pairs.
     */
    public HistoryDsl open(String p, String role, String mode, Object... kv) {
        double ms = openCursor;
        openCursor += 2;
        return openAt(p, ms, role, mode, kv);
    }

    public HistoryDsl openAt(String p, double ms, String role, String mode, Object... kv) {
        Map<String, Object> extra = kv(kv);
        Object status = extra.remove("status");
        List<Object> fields = new ArrayList<>(List.of("channel", "main", "role", role, "transport", transport,
                "address", address, "mode", mode));
        extra.forEach((k, v) -> {
            fields.add(k);
            fields.add(v);
        });
        request(p, ms, "open", fields.toArray());
        return reply(p, ms + 1, "status", status == null ? "ok" : status);
    }

    /**
     * A send of {@code seq}: request and send_begin at beginMs, send_end and reply at endMs (null:
     * still blocked). Extra request fields (size, text, timeout_ms) as pairs.
     */
    public HistoryDsl send(String p, long seq, double beginMs, Double endMs, String status, Object... kv) {
        List<Object> fields = new ArrayList<>(List.of("channel", "main", "seq", seq));
        fields.addAll(List.of(kv));
        if (kv(kv).get("size") == null && kv(kv).get("text") == null) {
            fields.addAll(List.of("size", 64L));
        }
        request(p, beginMs, "send", fields.toArray());
        event(p, beginMs, "send_begin", "seq", seq);
        if (endMs != null) {
            event(p, endMs, "send_end", "seq", seq, "status", status);
            reply(p, endMs, "status", status);
        }
        return this;
    }

    /**
     * A receive: request and recv_begin at beginMs, recv_end and reply at endMs (null: still
     * blocked). {@code endKv} go into recv_end (seq, sender_id, intact, text); with status message,
     * sender_id defaults to 1 and intact to true (unless text is given).
     */
    public HistoryDsl receive(String p, double beginMs, Double endMs, String status, Object... endKv) {
        return receiveWith(p, beginMs, endMs, status, List.of(), endKv);
    }

    /** A receive whose request has extra fields (timeout_ms, ...). */
    public HistoryDsl receiveWith(String p, double beginMs, Double endMs, String status, List<Object> requestKv,
                                  Object... endKv) {
        List<Object> req = new ArrayList<>(List.of("channel", "main"));
        req.addAll(requestKv);
        request(p, beginMs, "receive", req.toArray());
        event(p, beginMs, "recv_begin");
        if (endMs != null) {
            Map<String, Object> end = kv("status", status);
            if ("message".equals(status) && kv(endKv).get("text") == null) {
                end.put("sender_id", 1L);
                end.put("intact", true);
                end.put("size", 64L);
            }
            end.putAll(kv(endKv));
            List<Object> flat = new ArrayList<>();
            end.forEach((k, v) -> {
                flat.add(k);
                flat.add(v);
            });
            event(p, endMs, "recv_end", flat.toArray());
            reply(p, endMs, flat.toArray());
        }
        return this;
    }

    /** A send_many of {@code count} messages from firstSeq, all sent, batch_end at endMs; extra batch_end pairs. */
    public HistoryDsl sendMany(String p, long firstSeq, long count, long size, double beginMs, double endMs,
                               Object... kv) {
        request(p, beginMs, "send_many", "channel", "main", "first_seq", firstSeq, "count", count, "size", size,
                "sample_every", 0L);
        Map<String, Object> f = kv("count", count, "sent", count, "full_retries", 0L, "first_t", t(beginMs),
                "last_t", t(endMs), "status", "ok");
        f.putAll(kv(kv));
        List<Object> flat = new ArrayList<>();
        f.forEach((k, v) -> {
            flat.add(k);
            flat.add(v);
        });
        event(p, endMs, "batch_end", flat.toArray());
        return reply(p, endMs, flat.toArray());
    }

    /** A receive_many of {@code count}, batch_end at endMs with the given fields (per_sender, latency_ns, ...). */
    public HistoryDsl receiveMany(String p, long count, double beginMs, double endMs, Object... kv) {
        request(p, beginMs, "receive_many", "channel", "main", "count", count, "timeout_ms", 60000L,
                "sample_every", 0L);
        Map<String, Object> f = kv("count", count, "received", count, "empty_polls", 0L, "first_t", t(beginMs),
                "last_t", t(endMs), "status", "ok", "not_intact", 0L);
        f.putAll(kv(kv));
        List<Object> flat = new ArrayList<>();
        f.forEach((k, v) -> {
            flat.add(k);
            flat.add(v);
        });
        event(p, endMs, "batch_end", flat.toArray());
        return reply(p, endMs, flat.toArray());
    }

    public History build() {
        List<Pending> sorted = new ArrayList<>(pending);
        sorted.sort(Comparator.comparingLong(Pending::arrival));
        List<Entry> entries = new ArrayList<>();
        for (Pending p : sorted) {
            entries.add(new Entry(entries.size(), p.kind(), p.participant(), p.time(), p.arrival(), p.fields()));
        }
        return new History(entries);
    }
}
