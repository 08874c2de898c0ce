package org.ipcspec.harness.check;

import org.ipcspec.harness.history.Batch;
import org.ipcspec.harness.history.Entry;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.profile.Threshold;
import org.ipcspec.harness.spec.Rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * LATENCY: a completed receive_many's p99 latency (recv_end minus sent_t) is within the profile's
 * bound, and agrees with the messages the harness saw: the sampled recv_end events of the batch
 * are some of the messages the percentiles summarise, so the reported max is at least each one's
 * latency, and the reported p99 at least their median (half of a sample over the true p99 is, for
 * any sample of more than a handful, a report that lies).
 */
final class LatencyCheck implements Checker {

    @Override
    public Rule rule() {
        return Rule.LATENCY;
    }

    @Override
    public Verdict check(History history, ScenarioFacts facts, Bounds bounds) {
        Findings f = new Findings(rule(), history);
        String missing = "no completed receive_many in the history";
        for (BulkRun run : BulkRun.of(history, facts, s -> true)) {
            Batch b = run.receive();
            String transport = run.transport();
            long size = run.size();
            Optional<Threshold> th = bounds.threshold(transport, size);
            if (th.isEmpty() || th.get().maxP99Micros() == null) {
                missing = "the profile states no latency bound for " + transport + " at " + size + " B";
                continue;
            }
            f.checked();
            String what = "receive_many by " + b.participant() + " (ended " + f.at(b.finish().time()) + ") over "
                    + transport + " at " + size + " B";
            Object p99 = b.latencyNs().get("p99");
            if (!(p99 instanceof Number n)) {
                f.violation(what + " reported no p99 latency");
                continue;
            }
            crossCheck(f, what, b, history, n.longValue());
            double us = n.doubleValue() / 1000.0;
            double max = th.get().maxP99Micros();
            boolean ok = us <= max;
            f.figure(new Figure("p99 latency " + transport + " " + size + " B", us, "us", "<=", max, ok));
            if (!ok) {
                f.violation(String.format(Locale.ROOT, "%s: p99 latency %,.1f us, over the profile's %,.1f us", what, us, max));
            }
        }
        return f.verdict(missing);
    }

    /** The fewest sampled messages whose median says anything about a p99. */
    static final int MIN_SAMPLES = 5;

    private static void crossCheck(Findings f, String what, Batch b, History history, long p99) {
        List<Long> seen = new ArrayList<>();
        int from = b.request() == null ? 0 : b.request().index();
        for (Entry e : history.of(b.participant())) {
            if (e.index() > from && e.index() < b.finish().index() && e.isEvent("recv_end") && e.get("sent_t") instanceof Number sent) {
                seen.add(e.time() - sent.longValue());
            }
        }
        if (seen.isEmpty()) {
            return;
        }
        Collections.sort(seen);
        long largest = seen.get(seen.size() - 1);
        if (b.latencyNs().get("max") instanceof Number max && max.longValue() < largest) {
            f.violation(String.format(Locale.ROOT, "%s reported a max latency of %,.1f us, but a message it collected (a sampled recv_end) "
                    + "took %,.1f us", what, max.longValue() / 1e3, largest / 1e3));
        }
        long median = seen.get((seen.size() - 1) / 2);
        if (seen.size() >= MIN_SAMPLES && median > p99) {
            f.violation(String.format(Locale.ROOT, "%s reported a p99 latency of %,.1f us, but half of the %d messages sampled took "
                    + "%,.1f us or more", what, p99 / 1e3, seen.size(), median / 1e3));
        }
    }
}
