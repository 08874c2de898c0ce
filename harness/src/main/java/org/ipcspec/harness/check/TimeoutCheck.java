package org.ipcspec.harness.check;

import org.ipcspec.harness.history.Entry;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.Mode;
import org.ipcspec.harness.history.ReceiveCall;
import org.ipcspec.harness.history.SendCall;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.spec.Rule;

/**
 * T1: a blocking call with {@code timeout_ms} ends by timeout_ms plus the non-blocking bound, and
 * one that ends with {@code timeout} does so no earlier than timeout_ms minus the profile's
 * tolerance. Calls whose process was killed or exited are not expected to end.
 */
final class TimeoutCheck implements Checker {

    @Override
    public Rule rule() {
        return Rule.T1;
    }

    @Override
    public Verdict check(History history, ScenarioFacts facts, Bounds bounds) {
        Lookup look = new Lookup(history, facts);
        Findings f = new Findings(rule(), history);
        for (SendCall s : history.sends()) {
            check(f, look, bounds, "send of seq " + s.seq() + " by " + s.participant(), s.participant(), look.mode(s),
                    s.timeoutMs(), s.beginT(), s.ended() ? s.endT() : null, s.status());
        }
        for (ReceiveCall r : history.receives()) {
            check(f, look, bounds, "receive by " + r.participant(), r.participant(), look.mode(r), r.timeoutMs(),
                    r.beginT(), r.ended() ? r.endT() : null, r.status());
        }
        return f.verdict("no blocking call with timeout_ms in the history");
    }

    private static void check(Findings f, Lookup look, Bounds bounds, String what, String participant, Mode mode,
                              Long requested, long begin, Long end, String status) {
        Long timeoutMs = requested != null ? requested : look.facts.timeoutMs();
        if (mode != Mode.SYNC && !"timeout".equals(status)) {
            return;
        }
        if (timeoutMs == null) {
            if ("timeout".equals(status)) {
                f.checked();
                f.violation(what + " ended with timeout at " + f.at(end) + ", but no timeout_ms was asked for");
            }
            return;
        }
        f.checked();
        long timeout = timeoutMs * 1_000_000L;
        long latest = timeout + bounds.nonBlockingNanos();
        String asked = "timeout_ms " + timeoutMs;
        if (end != null) {
            long took = end - begin;
            if ("timeout".equals(status) && took < timeout - bounds.timeoutToleranceNanos()) {
                f.violation(what + " began at " + f.at(begin) + " and ended with timeout at " + f.at(end) + " after "
                        + History.ms(took) + ", earlier than " + asked + " (tolerance " + bounds.timeoutToleranceMs() + " ms)");
            }
            if (took > latest) {
                f.violation(what + " began at " + f.at(begin) + " and ended with " + status + " at " + f.at(end) + " after "
                        + History.ms(took) + ", later than " + asked + " plus the non-blocking bound "
                        + bounds.nonBlockingMs() + " ms");
            }
            return;
        }
        Entry gone = look.goneMark(participant);
        long horizon = gone != null && gone.time() > begin ? gone.time() : look.history.last();
        if (horizon - begin > latest) {
            f.violation(what + " began at " + f.at(begin) + " and was still blocked at " + f.at(horizon) + ", "
                    + History.ms(horizon - begin) + " later, beyond " + asked + " plus the non-blocking bound "
                    + bounds.nonBlockingMs() + " ms");
        }
    }
}
