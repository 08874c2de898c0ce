package org.ipcspec.harness.check;

import org.ipcspec.harness.history.Batch;
import org.ipcspec.harness.history.ChannelEnd;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.MessageKey;
import org.ipcspec.harness.history.ReceiveCall;
import org.ipcspec.harness.history.SendCall;
import org.ipcspec.harness.profile.Bounds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * O2: every message sent {@code ok} is collected exactly once, intact. Use it on scenarios that
 * drain the channel. Single receives are matched message by message. Bulk receives are checked by
 * digest: the harness recomputes, per sender, the CRC-32C of the seq values it expects the batch to
 * have collected (sent ok, not collected by a single receive, in send order, the batch's share when
 * several batches drain one channel) and compares it with per_sender.digest; the counts only help
 * to explain a mismatch.
 */
final class ExactlyOnceCheck implements Checker {

    @Override
    public String id() {
        return "O2";
    }

    @Override
    public String rule() {
        return "Every message that was sent ok is collected exactly once, intact.";
    }

    @Override
    public Verdict check(History history, ScenarioFacts facts, Bounds bounds) {
        Lookup look = new Lookup(history, facts);
        Findings f = new Findings(id(), history);
        for (ChannelEnd channel : channels(history)) {
            checkChannel(f, look, channel);
        }
        return f.verdict("no message was sent ok or collected");
    }

    /** One representative end per address (all of them when no address is known). */
    private static List<ChannelEnd> channels(History history) {
        Map<String, ChannelEnd> byAddress = new LinkedHashMap<>();
        for (ChannelEnd e : history.channelEnds()) {
            byAddress.putIfAbsent(e.address(), e);
        }
        List<ChannelEnd> out = new ArrayList<>(byAddress.values());
        if (out.isEmpty()) {
            out.add(null);
        }
        return out;
    }

    private static void checkChannel(Findings f, Lookup look, ChannelEnd channel) {
        History history = look.history;
        String on = channel == null || channel.address() == null ? "" : " on " + channel.address();
        // single receives, message by message
        Map<MessageKey, List<ReceiveCall>> collected = new LinkedHashMap<>();
        for (ReceiveCall r : look.receivesOn(channel)) {
            if (r.collected() && !r.sampled()) {
                collected.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
                if (!r.intact()) {
                    f.violation(r.key() + " was collected by " + r.participant() + " at " + f.at(r.endT()) + " not intact");
                }
            }
        }
        Set<MessageKey> sentOkSingles = new LinkedHashSet<>();
        Map<MessageKey, SendCall> sendOf = new LinkedHashMap<>();
        for (SendCall s : look.sendsOn(channel)) {
            if (!s.sampled() && s.endedWith("ok")) {
                sentOkSingles.add(s.key());
                sendOf.putIfAbsent(s.key(), s);
            }
        }
        List<Batch> receiveBatches = history.batches().stream()
                .filter(b -> !b.isSend() && Lookup.same(channel, b.end())).toList();
        boolean bulkSends = history.batches().stream().anyMatch(b -> b.isSend() && Lookup.same(channel, b.end()));
        for (Map.Entry<MessageKey, List<ReceiveCall>> c : collected.entrySet()) {
            f.checked();
            List<ReceiveCall> calls = c.getValue();
            if (calls.size() > 1) {
                List<String> when = calls.stream().map(r -> f.at(r.endT())).toList();
                f.violation(c.getKey() + on + " was collected " + calls.size() + " times, at " + String.join(", ", when));
            }
            if (!look.everSent(channel, c.getKey())) {
                f.violation(c.getKey() + " was collected by " + calls.get(0).participant() + " at "
                        + f.at(calls.get(0).endT()) + ", but no sender sent it" + on);
            }
        }
        if (receiveBatches.isEmpty()) {
            for (MessageKey k : sentOkSingles) {
                f.checked();
                if (!collected.containsKey(k)) {
                    SendCall s = sendOf.get(k);
                    f.violation(k + " was sent ok by " + s.participant() + " (send_end at " + f.at(s.endT())
                            + ") but never collected" + on);
                }
            }
            if (bulkSends) {
                f.violation("messages were sent with send_many" + on + " but no receive_many collected them");
            }
            return;
        }
        // bulk: expected seqs per sender, minus what single receives took, split across the batches
        Map<Long, List<Long>> expected = new LinkedHashMap<>();
        for (Map.Entry<Long, List<Long>> e : look.sentOk(channel).entrySet()) {
            if (e.getValue() == null) {
                f.violation("a send_many of sender " + e.getKey() + on + " has no batch_end, so what it sent is unknown");
                continue;
            }
            Set<Long> taken = new HashSet<>();
            collected.keySet().stream().filter(k -> !k.isText() && k.senderId() == e.getKey()).forEach(k -> taken.add(k.seq()));
            expected.put(e.getKey(), new ArrayList<>(e.getValue().stream().filter(s -> !taken.contains(s)).toList()));
        }
        Map<Long, Integer> offset = new LinkedHashMap<>();
        for (int i = 0; i < receiveBatches.size(); i++) {
            Batch b = receiveBatches.get(i);
            boolean lastBatch = i == receiveBatches.size() - 1;
            f.checked();
            if (!b.ended()) {
                f.violation("receive_many by " + b.participant() + on + " never ended (no batch_end)");
                continue;
            }
            String what = "receive_many by " + b.participant() + " (ended " + f.at(b.finish().time()) + ")";
            if (!"ok".equals(b.status())) {
                f.violation(what + " ended with " + b.status() + " after collecting " + b.figure("received") + " of "
                        + b.figure("count") + " messages");
            }
            if (b.figure("not_intact") > 0) {
                f.violation(what + " collected " + b.figure("not_intact") + " messages not intact");
            }
            Set<Long> senders = new LinkedHashSet<>(expected.keySet());
            b.perSender().keySet().forEach(k -> senders.add(OrderCheck.parse(k)));
            for (Long sid : senders) {
                Map<String, Object> fig = OrderCheck.asMap(b.perSender().get(String.valueOf(sid)));
                long received = fig.get("received") instanceof Number n ? n.longValue() : 0;
                List<Long> all = expected.getOrDefault(sid, List.of());
                int from = offset.getOrDefault(sid, 0);
                int to = lastBatch ? all.size() : (int) Math.min(all.size(), from + received);
                List<Long> share = all.subList(Math.min(from, all.size()), Math.max(Math.min(from, all.size()), to));
                offset.put(sid, to);
                if (share.isEmpty() && fig.isEmpty()) {
                    continue;
                }
                String want = Lookup.digest(share);
                if (!want.equals(fig.get("digest"))) {
                    f.violation(what + ": sender " + sid + "'s digest is " + (fig.isEmpty() ? "missing" : fig.get("digest"))
                            + ", expected " + want + " for " + Lookup.describe(share) + " sent ok, in send order"
                            + (fig.isEmpty() ? "" : "; it reported received=" + fig.get("received") + " first_seq="
                            + fig.get("first_seq") + " last_seq=" + fig.get("last_seq") + " out_of_order="
                            + fig.get("out_of_order") + " duplicates=" + fig.get("duplicates")));
                }
            }
        }
    }
}
