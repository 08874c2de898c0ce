package org.ipcspec.harness.check;

import org.ipcspec.harness.history.Batch;
import org.ipcspec.harness.history.ChannelEnd;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.MessageKey;
import org.ipcspec.harness.history.PerSender;
import org.ipcspec.harness.history.ReceiveCall;
import org.ipcspec.harness.history.SendCall;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.spec.Rule;

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
    public Rule rule() {
        return Rule.O2;
    }

    @Override
    public Verdict check(History history, ScenarioFacts facts, Bounds bounds) {
        Lookup look = new Lookup(history, facts);
        Findings f = new Findings(rule(), history);
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
        String on = channel == null || channel.address() == null ? "" : " on " + channel.address();
        Map<MessageKey, List<ReceiveCall>> collected = collectedSingly(f, look, channel);
        checkCollectedOnce(f, look, channel, collected, on);
        List<Batch> receiveBatches = look.history.batches().stream()
                .filter(b -> !b.isSend() && Lookup.same(channel, b.end())).toList();
        if (receiveBatches.isEmpty()) {
            checkSinglesCollected(f, look, channel, collected, on);
        } else {
            checkBatches(f, receiveBatches, expectedInBatches(f, look, channel, collected, on), on);
        }
    }

    /** Single receives that collected a message, by message; a torn one is a violation at once. */
    private static Map<MessageKey, List<ReceiveCall>> collectedSingly(Findings f, Lookup look, ChannelEnd channel) {
        Map<MessageKey, List<ReceiveCall>> collected = new LinkedHashMap<>();
        for (ReceiveCall r : look.receivesOn(channel)) {
            if (r.collected() && !r.sampled()) {
                collected.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
                if (!r.intact()) {
                    f.violation(r.key() + " was collected by " + r.participant() + " at " + f.at(r.endT()) + " not intact");
                }
            }
        }
        return collected;
    }

    /** Each message collected singly was collected once, and some sender sent it. */
    private static void checkCollectedOnce(Findings f, Lookup look, ChannelEnd channel,
                                           Map<MessageKey, List<ReceiveCall>> collected, String on) {
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
    }

    /** Without bulk receives: every single send that ended ok was collected. */
    private static void checkSinglesCollected(Findings f, Lookup look, ChannelEnd channel,
                                              Map<MessageKey, List<ReceiveCall>> collected, String on) {
        Map<MessageKey, SendCall> sentOk = new LinkedHashMap<>();
        for (SendCall s : look.sendsOn(channel)) {
            if (!s.sampled() && s.endedWith("ok")) {
                sentOk.putIfAbsent(s.key(), s);
            }
        }
        for (Map.Entry<MessageKey, SendCall> sent : sentOk.entrySet()) {
            f.checked();
            if (!collected.containsKey(sent.getKey())) {
                SendCall s = sent.getValue();
                f.violation(sent.getKey() + " was sent ok by " + s.participant() + " (send_end at " + f.at(s.endT())
                        + ") but never collected" + on);
            }
        }
        if (look.history.batches().stream().anyMatch(b -> b.isSend() && Lookup.same(channel, b.end()))) {
            f.violation("messages were sent with send_many" + on + " but no receive_many collected them");
        }
    }

    /** Per sender, the seqs sent ok in send order, less those single receives took: what the batches must hold. */
    private static Map<Long, List<Long>> expectedInBatches(Findings f, Lookup look, ChannelEnd channel,
                                                           Map<MessageKey, List<ReceiveCall>> collected, String on) {
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
        return expected;
    }

    /**
     * Each batch ended ok, intact, and holds, per sender, the digest of its share of the expected
     * seqs: batches drain in turn, each taking as many as it says it received, the last the rest.
     */
    private static void checkBatches(Findings f, List<Batch> receiveBatches, Map<Long, List<Long>> expected, String on) {
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
            Map<Long, PerSender> reported = b.perSender();
            Set<Long> senders = new LinkedHashSet<>(expected.keySet());
            senders.addAll(reported.keySet());
            for (Long sid : senders) {
                PerSender fig = reported.get(sid);
                List<Long> all = expected.getOrDefault(sid, List.of());
                int from = offset.getOrDefault(sid, 0);
                int to = lastBatch ? all.size() : (int) Math.min(all.size(), from + (fig == null ? 0 : fig.received()));
                List<Long> share = all.subList(Math.min(from, all.size()), Math.max(Math.min(from, all.size()), to));
                offset.put(sid, to);
                if (share.isEmpty() && fig == null) {
                    continue;
                }
                String want = Lookup.digest(share);
                if (fig == null || !want.equals(fig.digest())) {
                    f.violation(what + ": sender " + sid + "'s digest is " + (fig == null ? "missing" : fig.digest())
                            + ", expected " + want + " for " + Lookup.describe(share) + " sent ok, in send order"
                            + (fig == null ? "" : "; it reported " + fig.describe()));
                }
            }
        }
    }
}
