package org.ipcspec.harness.check;

import org.ipcspec.harness.history.Batch;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.MessageKey;
import org.ipcspec.harness.history.PerSender;
import org.ipcspec.harness.history.ReceiveCall;
import org.ipcspec.harness.history.SendCall;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.spec.Rule;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * O1: each sender's messages are collected in the order they were sent. For recorded receives the
 * send order comes from the send_begin events (seq order where a send was not recorded, as in
 * send_many); for unsampled bulk receives, a digest mismatch together with a reported out_of_order
 * count is the evidence (O2 reports the digest mismatch itself).
 */
final class OrderCheck implements Checker {

    @Override
    public Rule rule() {
        return Rule.O1;
    }

    @Override
    public Verdict check(History history, ScenarioFacts facts, Bounds bounds) {
        Findings f = new Findings(rule(), history);
        // receive calls grouped by channel address and sender id, in collection order
        Map<String, List<ReceiveCall>> groups = new LinkedHashMap<>();
        for (ReceiveCall r : history.receives()) {
            if (r.collected() && !r.key().isText()) {
                String group = Lookup.address(r.end()) + "|" + r.key().senderId();
                groups.computeIfAbsent(group, k -> new java.util.ArrayList<>()).add(r);
            }
        }
        for (List<ReceiveCall> group : groups.values()) {
            Map<MessageKey, Long> sentAt = new HashMap<>();
            for (SendCall s : history.sends()) {
                if (Lookup.same(group.get(0).end(), s.end())) {
                    sentAt.putIfAbsent(s.key(), s.beginT());
                }
            }
            boolean allKnown = group.stream().allMatch(r -> sentAt.containsKey(r.key()));
            ReceiveCall previous = null;
            for (ReceiveCall r : group) {
                f.checked();
                if (previous != null && !previous.key().equals(r.key())) {
                    boolean before = allKnown ? sentAt.get(r.key()) < sentAt.get(previous.key())
                            : r.key().seq() < previous.key().seq();
                    if (before) {
                        f.violation(r.key() + " was collected by " + r.participant() + " at " + f.at(r.endT()) + " after "
                                + previous.key() + " (collected at " + f.at(previous.endT()) + "), but was sent before it"
                                + (allKnown ? " (sent at " + f.at(sentAt.get(r.key())) + " and "
                                + f.at(sentAt.get(previous.key())) + ")" : " (lower seq)"));
                    }
                }
                previous = r;
            }
        }
        Lookup look = new Lookup(history, facts);
        for (Batch b : history.batches()) {
            if (b.isSend() || !b.ended()) {
                continue;
            }
            Map<Long, List<Long>> sent = look.sentOk(b.end());
            for (Map.Entry<Long, PerSender> e : b.perSender().entrySet()) {
                f.checked();
                PerSender fig = e.getValue();
                List<Long> expected = sent.get(e.getKey());
                if (fig.outOfOrder() > 0 && expected != null && !Lookup.digest(expected).equals(fig.digest())) {
                    f.violation("receive_many by " + b.participant() + " (ended " + f.at(b.finish().time()) + ") collected "
                            + fig.outOfOrder() + " of sender " + e.getKey() + "'s messages out of order: digest " + fig.digest()
                            + ", expected " + Lookup.digest(expected) + " for " + Lookup.describe(expected) + " in send order");
                }
            }
        }
        return f.verdict("no message was collected");
    }

}
