package org.ipcspec.harness.check;

import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.Mode;
import org.ipcspec.harness.history.ReceiveCall;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.spec.Rule;

/**
 * R2: an asynchronous receive returns within the non-blocking bound, with {@code empty} when nothing
 * was available (never {@code timeout}: it does not wait).
 */
final class AsyncReceiveCheck implements Checker {

    @Override
    public Rule rule() {
        return Rule.R2;
    }

    @Override
    public Verdict check(History history, ScenarioFacts facts, Bounds bounds) {
        Lookup look = new Lookup(history, facts);
        Findings f = new Findings(rule(), history);
        for (ReceiveCall r : history.receives()) {
            if (look.mode(r) != Mode.ASYNC) {
                continue;
            }
            f.checked();
            String what = "asynchronous receive by " + r.participant() + " begun at " + f.at(r.beginT());
            if (!r.ended()) {
                if (history.last() - r.beginT() > bounds.nonBlockingNanos()) {
                    f.violation(what + " had not returned at " + f.at(history.last()) + ", over the non-blocking bound "
                            + bounds.nonBlockingMs() + " ms");
                }
                continue;
            }
            long took = r.endT() - r.beginT();
            if (took > bounds.nonBlockingNanos()) {
                f.violation(what + " returned " + r.status() + " at " + f.at(r.endT()) + " after " + History.ms(took)
                        + ", over the non-blocking bound " + bounds.nonBlockingMs() + " ms");
            }
            if (r.endedWith("timeout")) {
                f.violation(what + " returned timeout at " + f.at(r.endT()) + "; with nothing available it returns empty");
            }
        }
        return f.verdict("no asynchronous receive in the history");
    }
}
