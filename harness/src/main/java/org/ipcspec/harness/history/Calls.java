package org.ipcspec.harness.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs raw entries into channel ends, calls and batches. An endpoint handles requests one at a
 * time and replies after every event a request caused, so the events between two replies of a
 * participant belong to the request of the second reply; events after the last reply belong to
 * the oldest request still without a reply.
 */
final class Calls {

    private static final Set<String> EVENT_OPS = Set.of("send", "receive", "send_many", "receive_many");

    final List<ChannelEnd> ends = new ArrayList<>();
    final List<SendCall> sends = new ArrayList<>();
    final List<ReceiveCall> receives = new ArrayList<>();
    final List<Batch> batches = new ArrayList<>();
    final List<String> anomalies = new ArrayList<>();

    /** A call or batch under construction. */
    private static final class Open {
        final String participant;
        final CallKind kind;
        final Entry begin;
        Entry finish;
        Entry request;

        Open(String participant, CallKind kind, Entry begin) {
            this.participant = participant;
            this.kind = kind;
            this.begin = begin;
        }
    }

    Calls(History history) {
        Map<String, List<Entry>> byParticipant = new LinkedHashMap<>();
        for (Entry e : history.entries()) {
            byParticipant.computeIfAbsent(e.participant(), k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<String, List<Entry>> p : byParticipant.entrySet()) {
            pairOpens(p.getKey(), p.getValue());
        }
        List<Open> done = new ArrayList<>();
        for (Map.Entry<String, List<Entry>> p : byParticipant.entrySet()) {
            pairCalls(history, p.getKey(), p.getValue(), done);
        }
        for (Open o : done) {
            String channel = (o.begin != null ? o.begin : o.request != null ? o.request : o.finish).channel();
            int index = (o.begin != null ? o.begin : o.request != null ? o.request : o.finish).index();
            ChannelEnd end = endAt(o.participant, channel, index);
            switch (o.kind) {
                case SEND -> sends.add(new SendCall(o.participant, end, o.begin, o.finish, o.request));
                case RECEIVE -> receives.add(new ReceiveCall(o.participant, end, o.begin, o.finish, o.request));
                case BATCH -> batches.add(new Batch(o.participant, end, o.request, o.finish));
            }
        }
        sends.sort(Comparator.comparingInt(c -> c.begin().index()));
        receives.sort(Comparator.comparingInt(c -> c.begin().index()));
        batches.sort(Comparator.comparingInt(b -> (b.request() != null ? b.request() : b.finish()).index()));
    }

    ChannelEnd endAt(String participant, String channel, int index) {
        ChannelEnd found = null;
        for (ChannelEnd end : ends) {
            if (end.participant().equals(participant) && end.channel().equals(channel)
                    && end.request().index() < index) {
                found = end;
            }
        }
        return found;
    }

    private void pairOpens(String participant, List<Entry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            Entry req = entries.get(i);
            if (!"open".equals(req.op())) {
                continue;
            }
            Entry reply = null;
            for (int j = i + 1; j < entries.size() && req.id() != null; j++) {
                Entry r = entries.get(j);
                if (r.isReply() && req.id().equals(r.id())) {
                    reply = r;
                    break;
                }
            }
            ends.add(new ChannelEnd(participant, req.channel(), req, reply));
        }
    }

    private void pairCalls(History history, String participant, List<Entry> entries, List<Open> done) {
        List<Entry> unreplied = new ArrayList<>();
        List<Open> sinceReply = new ArrayList<>();
        Map<String, Open> inFlight = new HashMap<>(); // key: kind + channel
        for (Entry e : entries) {
            if (e.kind() == Entry.Kind.REQUEST) {
                unreplied.add(e);
                continue;
            }
            if (e.isReply()) {
                Entry request = null;
                for (int i = 0; i < unreplied.size() && e.id() != null; i++) {
                    if (e.id().equals(unreplied.get(i).id())) {
                        request = unreplied.remove(i);
                        break;
                    }
                }
                for (Open o : sinceReply) {
                    o.request = request;
                }
                sinceReply.clear();
                continue;
            }
            String event = e.event();
            if (event == null) {
                continue;
            }
            switch (event) {
                case "send_begin", "recv_begin" -> {
                    CallKind kind = CallKind.ofEvent(event);
                    Open previous = inFlight.remove(kind + e.channel());
                    if (previous != null) {
                        anomalies.add(participant + ": " + event + " at " + history.at(e.time())
                                + " while the " + kind.name().toLowerCase(java.util.Locale.ROOT) + " begun at " + history.at(previous.begin.time())
                                + " had not ended");
                    }
                    Open o = new Open(participant, kind, e);
                    inFlight.put(kind + e.channel(), o);
                    sinceReply.add(o);
                    done.add(o);
                }
                case "send_end", "recv_end" -> {
                    CallKind kind = CallKind.ofEvent(event);
                    Open o = inFlight.remove(kind + e.channel());
                    if (o == null) {
                        anomalies.add(participant + ": " + event + " at " + history.at(e.time())
                                + " without a matching begin");
                    } else if (kind == CallKind.SEND && o.begin.num("seq", -1) != e.num("seq", -1)) {
                        anomalies.add(participant + ": send_end of seq " + e.num("seq", -1) + " at "
                                + history.at(e.time()) + " ends the send of seq " + o.begin.num("seq", -1));
                        o.finish = e;
                    } else {
                        o.finish = e;
                    }
                }
                case "batch_end" -> {
                    Open o = new Open(participant, CallKind.BATCH, null);
                    o.finish = e;
                    sinceReply.add(o);
                    done.add(o);
                }
                default -> {
                }
            }
        }
        // Events after the last reply: the oldest request without a reply that causes events.
        Entry pending = unreplied.stream().filter(r -> r.op() != null && EVENT_OPS.contains(r.op())).findFirst().orElse(null);
        for (Open o : sinceReply) {
            o.request = pending;
        }
        // A bulk request that never produced batch_end is still a batch (it hung or was abandoned).
        for (Entry r : unreplied) {
            if (("send_many".equals(r.op()) || "receive_many".equals(r.op()))
                    && done.stream().noneMatch(o -> o.kind == CallKind.BATCH && o.request == r)) {
                Open o = new Open(participant, CallKind.BATCH, null);
                o.request = r;
                done.add(o);
            }
        }
    }
}
