package org.ipcspec.harness.check;

import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.Mode;
import org.ipcspec.harness.history.ReceiveCall;
import org.ipcspec.harness.history.SendCall;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.spec.Rule;

import java.util.List;

/**
 * S1: a synchronous send ends {@code ok} only after the receiver began the call that collected the
 * message (the order against that call's recv_end is a race and is not checked), never returns
 * {@code full}, and stays blocked while no receive is under way.
 */
final class SyncSendCheck implements Checker {

    @Override
    public Rule rule() {
        return Rule.S1;
    }

    @Override
    public Verdict check(History history, ScenarioFacts facts, Bounds bounds) {
        Lookup look = new Lookup(history, facts);
        Findings f = new Findings(rule(), history);
        for (SendCall s : history.sends()) {
            if (look.mode(s) != Mode.SYNC) {
                continue;
            }
            f.checked();
            if (s.endedWith("full")) {
                f.violation("synchronous send of seq " + s.seq() + " by " + s.participant() + " returned full at "
                        + f.at(s.endT()) + "; a synchronous send waits for room");
            } else if (s.endedWith("ok")) {
                ReceiveCall collector = look.collectorOf(s);
                if (collector != null) {
                    if (s.endT() <= collector.beginT()) {
                        f.violation("send of seq " + s.seq() + " by " + s.participant() + " ended ok at " + f.at(s.endT())
                                + ", before " + collector.participant() + " began the receive that collected it at "
                                + f.at(collector.beginT()));
                    }
                } else {
                    List<Long> starts = look.receiveStarts(s.end());
                    if (starts.isEmpty() || starts.get(0) >= s.endT()) {
                        f.violation("send of seq " + s.seq() + " by " + s.participant() + " ended ok at " + f.at(s.endT())
                                + ", before the receiver began any receive"
                                + (starts.isEmpty() ? " (none recorded)" : " at " + f.at(starts.get(0))));
                    }
                }
            }
        }
        for (String p : facts.expectBlocked()) {
            SendCall s = history.sends().stream().filter(c -> c.participant().equals(p) && look.mode(c) == Mode.SYNC)
                    .reduce((a, b) -> b).orElse(null);
            if (s != null) {
                Blocking.expectBlocked(f, history, bounds, "send of seq " + s.seq() + " by " + p, s.beginT(),
                        s.ended() ? s.endT() : null, s.status());
            }
        }
        return f.verdict("no synchronous send in the history");
    }
}
