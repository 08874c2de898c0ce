package org.ipcspec.harness.check;

import org.ipcspec.harness.history.ChannelEnd;
import org.ipcspec.harness.history.Entry;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.spec.Rule;

/**
 * X1: a receiver opened while another receiver holds the channel gets {@code busy}; one opened when
 * the previous holders are known to be gone (closed, or exited) does not. A killed holder whose exit
 * was not yet seen may still hold its lock, so neither answer is wrong then.
 */
final class SingleReceiverCheck implements Checker {

    @Override
    public Rule rule() {
        return Rule.X1;
    }

    @Override
    public Verdict check(History history, ScenarioFacts facts, Bounds bounds) {
        Findings f = new Findings(rule(), history);
        for (ChannelEnd e : history.channelEnds()) {
            if (!e.isReceiver() || e.reply() == null) {
                continue;
            }
            ChannelEnd holder = null;
            boolean unsure = false;
            for (ChannelEnd h : history.channelEnds()) {
                if (h == e || !h.isReceiver() || !h.opened() || h.reply().index() > e.request().index()
                        || !h.sameChannel(e)) {
                    continue;
                }
                Liveness l = liveness(history, h, e.request().index());
                if (l == Liveness.LIVE) {
                    holder = h;
                } else if (l == Liveness.UNSURE) {
                    unsure = true;
                }
            }
            String what = e.participant() + " opened a receiver at " + f.at(e.request().time());
            if (holder != null) {
                f.checked();
                if (!"busy".equals(e.status())) {
                    f.violation(what + " while " + holder.participant() + " held the channel (opened at "
                            + f.at(holder.reply().time()) + ") and got " + e.status() + "; expected busy");
                }
            } else if (!unsure) {
                f.checked();
                if ("busy".equals(e.status())) {
                    f.violation(what + " and got busy at " + f.at(e.reply().time()) + ", but no receiver held the channel");
                }
            }
        }
        return f.verdict("no receiver open in the history");
    }

    private enum Liveness { LIVE, GONE, UNSURE }

    /** Whether {@code h} still held its channel when the entry at {@code index} was recorded. */
    private static Liveness liveness(History history, ChannelEnd h, int index) {
        Liveness result = Liveness.LIVE;
        for (Entry x : history.entries()) {
            if (x.index() >= index) {
                break;
            }
            if (x.index() < h.reply().index() || !x.participant().equals(h.participant())) {
                continue;
            }
            if (x.kind() == Entry.Kind.EXITED) {
                return Liveness.GONE;
            }
            if (x.kind() == Entry.Kind.KILLED) {
                result = Liveness.UNSURE;
            }
            if ("close".equals(x.op()) && x.channel().equals(h.channel())) {
                // the close counts once its reply came, before index
                Long id = x.id();
                boolean replied = history.entries().stream().anyMatch(r -> r.index() < index && r.isReply()
                        && r.participant().equals(h.participant()) && id != null && id.equals(r.id()));
                if (replied) {
                    return Liveness.GONE;
                }
                result = Liveness.UNSURE;
            }
        }
        return result;
    }
}
