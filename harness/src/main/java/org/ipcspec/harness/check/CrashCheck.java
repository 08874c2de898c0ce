package org.ipcspec.harness.check;

import org.ipcspec.harness.history.Batch;
import org.ipcspec.harness.history.ChannelEnd;
import org.ipcspec.harness.history.Entry;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.Mode;
import org.ipcspec.harness.history.ReceiveCall;
import org.ipcspec.harness.history.SendCall;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.spec.Rule;

/**
 * K1: when a receiver is killed, every synchronous send then blocked on its channel ends
 * {@code closed} within the crash bound (ok is fine if the message was collected before the kill,
 * timeout if its timeout_ms fell due first); when a sender is killed, nothing collected on its
 * channel afterwards is torn (every collected message is intact).
 */
final class CrashCheck implements Checker {

    @Override
    public Rule rule() {
        return Rule.K1;
    }

    @Override
    public Verdict check(History history, ScenarioFacts facts, Bounds bounds) {
        Lookup look = new Lookup(history, facts);
        Findings f = new Findings(rule(), history);
        for (Entry kill : history.marks(Entry.Kind.KILLED)) {
            for (ChannelEnd end : history.channelEnds()) {
                if (!end.participant().equals(kill.participant()) || end.request().index() > kill.index()) {
                    continue;
                }
                if (end.isReceiver()) {
                    receiverKilled(f, look, bounds, kill, end);
                } else if (end.isSender()) {
                    senderKilled(f, look, kill, end);
                }
            }
        }
        return f.verdict("no kill of a process with an open channel end, or nothing under way when it came");
    }

    private static void receiverKilled(Findings f, Lookup look, Bounds bounds, Entry kill, ChannelEnd receiver) {
        long k = kill.time();
        for (SendCall s : look.history.sends()) {
            if (s.participant().equals(kill.participant()) || look.mode(s) != Mode.SYNC || !receiver.sameChannel(s.end())
                    || s.beginT() >= k || (s.ended() && s.endT() <= k)) {
                continue;
            }
            f.checked();
            String what = "send of seq " + s.seq() + " by " + s.participant() + ", blocked since " + f.at(s.beginT())
                    + " when " + kill.participant() + " was killed at " + f.at(k) + ",";
            if (!s.ended()) {
                if (look.history.last() - k > bounds.crashNanos()) {
                    f.violation(what + " was still blocked at " + f.at(look.history.last()) + ", beyond the crash bound "
                            + bounds.crashMs() + " ms");
                }
                continue;
            }
            long after = s.endT() - k;
            if (s.endedWith("ok")) {
                ReceiveCall c = look.collectorOf(s);
                if (c == null || c.beginT() >= k) {
                    f.violation(what + " ended ok at " + f.at(s.endT()) + " though no receive began before the kill; expected closed");
                }
                continue;
            }
            boolean timedOut = s.endedWith("timeout") && s.timeoutMs() != null
                    && s.endT() - s.beginT() >= s.timeoutMs() * 1_000_000L - bounds.timeoutToleranceNanos();
            if (!s.endedWith("closed") && !timedOut) {
                f.violation(what + " ended with " + s.status() + " at " + f.at(s.endT()) + "; expected closed");
            } else if (after > bounds.crashNanos()) {
                f.violation(what + " ended with " + s.status() + " at " + f.at(s.endT()) + ", " + History.ms(after)
                        + " after the kill, beyond the crash bound " + bounds.crashMs() + " ms");
            }
        }
    }

    private static void senderKilled(Findings f, Lookup look, Entry kill, ChannelEnd sender) {
        for (ReceiveCall r : look.receivesOn(sender)) {
            if (r.collected() && r.endT() > kill.time()) {
                f.checked();
                if (!r.intact()) {
                    f.violation(r.key() + " collected by " + r.participant() + " at " + f.at(r.endT()) + ", after "
                            + kill.participant() + " was killed at " + f.at(kill.time()) + ", is not intact (a torn message)");
                }
            }
        }
        for (Batch b : look.history.batches()) {
            if (!b.isSend() && b.ended() && Lookup.same(sender, b.end()) && b.finish().time() > kill.time()) {
                f.checked();
                if (b.figure("not_intact") > 0) {
                    f.violation("receive_many by " + b.participant() + " (ended " + f.at(b.finish().time()) + ") collected "
                            + b.figure("not_intact") + " messages not intact after " + kill.participant() + " was killed at "
                            + f.at(kill.time()) + " (torn messages)");
                }
            }
        }
    }
}
