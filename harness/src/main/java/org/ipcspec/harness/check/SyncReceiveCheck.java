package org.ipcspec.harness.check;

import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.MessageKey;
import org.ipcspec.harness.history.Mode;
import org.ipcspec.harness.history.ReceiveCall;
import org.ipcspec.harness.history.SendCall;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.spec.Rule;

import java.util.List;

/**
 * R1: a synchronous receive stays blocked until a message exists, then returns it: its recv_end
 * follows the send_begin of the message it returns, and it never returns {@code empty}.
 */
final class SyncReceiveCheck implements Checker {

    @Override
    public Rule rule() {
        return Rule.R1;
    }

    @Override
    public Verdict check(History history, ScenarioFacts facts, Bounds bounds) {
        Lookup look = new Lookup(history, facts);
        Findings f = new Findings(rule(), history);
        for (ReceiveCall r : history.receives()) {
            if (look.mode(r) != Mode.SYNC) {
                continue;
            }
            f.checked();
            if (r.endedWith("empty")) {
                f.violation("synchronous receive by " + r.participant() + " begun at " + f.at(r.beginT())
                        + " returned empty at " + f.at(r.endT()) + "; a synchronous receive waits for a message");
            }
            if (!r.collected()) {
                continue;
            }
            MessageKey key = r.key();
            List<SendCall> sends = history.sends().stream().filter(s -> key.equals(s.key()) && Lookup.same(r.end(), s.end())).toList();
            if (!sends.isEmpty() && sends.stream().noneMatch(s -> s.beginT() < r.endT())) {
                f.violation("receive by " + r.participant() + " returned " + key + " at " + f.at(r.endT())
                        + ", before its send began at " + f.at(sends.get(0).beginT()));
            }
        }
        for (String p : facts.expectBlocked()) {
            ReceiveCall r = history.receives().stream().filter(c -> c.participant().equals(p) && look.mode(c) == Mode.SYNC)
                    .reduce((a, b) -> b).orElse(null);
            if (r != null) {
                Blocking.expectBlocked(f, history, bounds, "receive by " + p, r.beginT(), r.ended() ? r.endT() : null,
                        r.status());
            }
        }
        return f.verdict("no synchronous receive in the history");
    }
}
