package org.ipcspec.harness.check;

import org.ipcspec.harness.history.ChannelEnd;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.Mode;
import org.ipcspec.harness.history.ReceiveCall;
import org.ipcspec.harness.history.SendCall;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.spec.Rule;

import java.util.List;

/**
 * S2: an asynchronous send returns within the non-blocking bound; with {@code capacity} messages
 * uncollected it returns {@code full} and writes nothing. Counting uncollected messages across
 * processes is a race, so it is bracketed: a send must return full when even the smallest possible
 * count reaches capacity, and must not when even the largest stays below it. The count is made only
 * with a single sender on the channel and no bulk receive.
 */
final class AsyncSendCheck implements Checker {

    @Override
    public Rule rule() {
        return Rule.S2;
    }

    @Override
    public Verdict check(History history, ScenarioFacts facts, Bounds bounds) {
        Lookup look = new Lookup(history, facts);
        Findings f = new Findings(rule(), history);
        for (SendCall s : history.sends()) {
            if (look.mode(s) != Mode.ASYNC) {
                continue;
            }
            f.checked();
            String what = "asynchronous send of seq " + s.seq() + " by " + s.participant();
            if (!s.ended()) {
                if (history.last() - s.beginT() > bounds.nonBlockingNanos()) {
                    f.violation(what + " began at " + f.at(s.beginT()) + " and had not returned at " + f.at(history.last())
                            + ", over the non-blocking bound " + bounds.nonBlockingMs() + " ms");
                }
                continue;
            }
            long took = s.endT() - s.beginT();
            if (took > bounds.nonBlockingNanos()) {
                f.violation(what + " took " + History.ms(took) + " (" + f.at(s.beginT()) + " to " + f.at(s.endT())
                        + "), over the non-blocking bound " + bounds.nonBlockingMs() + " ms");
            }
            if (s.endedWith("full")) {
                boolean resentOk = history.sends().stream().anyMatch(o -> o != s && o.endedWith("ok") && o.key().equals(s.key()));
                ReceiveCall collector = look.collectorOf(s);
                if (collector != null && !resentOk) {
                    f.violation(what + " returned full at " + f.at(s.endT()) + ", yet the message was collected by "
                            + collector.participant() + " at " + f.at(collector.endT()) + "; full writes nothing");
                }
            }
            checkCapacity(f, look, s, what);
        }
        return f.verdict("no asynchronous send in the history");
    }

    private static void checkCapacity(Findings f, Lookup look, SendCall s, String what) {
        if (!s.endedWith("ok") && !s.endedWith("full")) {
            return;
        }
        History history = look.history;
        List<SendCall> mine = look.sendsOn(s.end());
        boolean oneSender = mine.stream().allMatch(o -> o.participant().equals(s.participant()) && !o.sampled());
        boolean bulk = history.batches().stream().anyMatch(b -> Lookup.same(s.end(), b.end()));
        if (!oneSender || bulk) {
            return;
        }
        ChannelEnd receiver = look.receiverFor(s.end(), s.begin().index());
        long capacity = look.facts.capacity() != null ? look.facts.capacity() : receiver != null ? receiver.capacity() : 64;
        List<ReceiveCall> collected = look.receivesOn(s.end()).stream().filter(ReceiveCall::collected).toList();
        long okBefore = mine.stream().filter(o -> o != s && o.endedWith("ok") && o.endT() < s.beginT()).count();
        long okMaybe = mine.stream().filter(o -> o != s && o.endedWith("ok") && o.beginT() < s.endT()).count();
        long collectedSure = collected.stream().filter(r -> r.endT() < s.beginT()).count();
        long collectedMaybe = collected.stream().filter(r -> r.beginT() < s.endT()).count();
        long least = okBefore - collectedMaybe;
        long most = okMaybe - collectedSure;
        if (s.endedWith("ok") && least >= capacity) {
            f.violation(what + " returned ok at " + f.at(s.endT()) + " with at least " + least
                    + " messages uncollected (capacity " + capacity + "); it must return full");
        }
        if (s.endedWith("full") && most < capacity) {
            f.violation(what + " returned full at " + f.at(s.endT()) + " with at most " + most
                    + " messages uncollected (capacity " + capacity + ")");
        }
    }
}
