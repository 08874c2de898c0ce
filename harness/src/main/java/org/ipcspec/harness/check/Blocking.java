package org.ipcspec.harness.check;

import org.ipcspec.harness.history.History;
import org.ipcspec.harness.profile.Bounds;

/** The shared "must still be blocked" test of S1 and R1. */
final class Blocking {

    private Blocking() {
    }

    /** A call expected blocked must not have ended, and the history must cover the blocked bound. */
    static void expectBlocked(Findings f, History history, Bounds bounds, String what, long begin, Long end,
                              String status) {
        if (end != null) {
            f.violation(what + " began at " + f.at(begin) + " and was expected to stay blocked, but ended with "
                    + status + " at " + f.at(end) + " after " + History.ms(end - begin));
        } else if (history.last() - begin < bounds.blockedNanos()) {
            f.violation(what + " began at " + f.at(begin) + " and was expected to stay blocked for the blocked bound "
                    + bounds.blockedMs() + " ms, but the history ends at " + f.at(history.last()) + ", only "
                    + History.ms(history.last() - begin) + " later");
        }
    }
}
