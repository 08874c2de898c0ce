package org.ipcspec.harness.check;

import org.ipcspec.harness.history.Batch;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.profile.Threshold;
import org.ipcspec.harness.spec.Rule;

import java.util.Locale;
import java.util.Optional;

/** LATENCY: a completed receive_many's p99 latency (recv_end minus sent_t) is within the profile's bound. */
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
}
