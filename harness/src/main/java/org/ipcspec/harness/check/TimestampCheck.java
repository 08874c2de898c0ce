package org.ipcspec.harness.check;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ipcspec.harness.history.Entry;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.spec.Rule;

/**
 * C1: every timestamp an endpoint reports lies on the harness's own clock between the harness
 * writing the request that caused it and the harness reading the line that carries it. An event
 * belongs to the oldest request of its process still without a reply (an endpoint answers in
 * order); a reply's {@code t} to the request of its id. The clock check at start proves the two
 * clocks are one, so there is no tolerance: a time outside the window was made up. Judged in
 * every scenario, whatever its tags.
 */
final class TimestampCheck implements Checker {

    @Override
    public Rule rule() {
        return Rule.C1;
    }

    @Override
    public Verdict check(History history, ScenarioFacts facts, Bounds bounds) {
        Findings f = new Findings(rule(), history);
        for (String participant : history.participants()) {
            check(f, history.of(participant));
        }
        return f.verdict("no timestamped event or reply in the history");
    }

    private static void check(Findings f, List<Entry> entries) {
        Deque<Entry> unreplied = new ArrayDeque<>();
        Map<Long, Entry> byId = new HashMap<>();
        for (Entry e : entries) {
            if (e.kind() == Entry.Kind.REQUEST) {
                if (e.id() != null) {
                    unreplied.addLast(e);
                    byId.put(e.id(), e);
                }
                continue;
            }
            if (e.kind() != Entry.Kind.LINE) {
                continue;
            }
            Long t = e.get("t") instanceof Number n ? n.longValue() : null;
            if (e.isReply() && e.id() != null) {
                Entry request = byId.remove(e.id());
                unreplied.remove(request);
                if (request != null && t != null) {
                    within(f, e, t, request);
                }
            } else if ("event".equals(e.type()) && t != null && unreplied.peekFirst() != null) {
                within(f, e, t, unreplied.peekFirst());
            }
        }
    }

    private static void within(Findings f, Entry line, long t, Entry request) {
        f.checked();
        if (t < request.time() || t > line.arrival()) {
            String what = line.participant() + "'s " + (line.isReply() ? "reply to " + request.op() : line.event() + " of its " + request.op());
            f.violation(what + " says t=" + f.at(t) + ", outside the harness's window from writing the request at "
                    + f.at(request.time()) + " to reading the line at " + f.at(line.arrival()) + ": the time was not read from CLOCK_MONOTONIC when it happened");
        }
    }
}
