package org.ipcspec.harness.check;

import org.ipcspec.harness.history.Batch;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.profile.Threshold;
import org.ipcspec.harness.spec.Rule;

import java.util.Locale;
import java.util.Optional;

/**
 * THROUGHPUT: a completed receive_many moved messages at least at the profile's rate for its
 * transport and size. The rate is measured on the harness's own clock, end to end: messages
 * received over the span from the harness writing the send_many request (the receive_many's,
 * without one) to the harness reading the receiver's batch_end; an honest lower bound, which an
 * implementation cannot talk up. The implementation's own figure (first_t to last_t) is shown
 * beside it.
 */
final class ThroughputCheck implements Checker {

    @Override
    public Rule rule() {
        return Rule.THROUGHPUT;
    }

    @Override
    public Verdict check(History history, ScenarioFacts facts, Bounds bounds) {
        Findings f = new Findings(rule(), history);
        String missing = "no completed receive_many in the history";
        // first_t comes from the send_many, so only one that ended counts.
        for (BulkRun run : BulkRun.of(history, facts, Batch::ended)) {
            Batch b = run.receive();
            Batch send = run.send();
            String transport = run.transport();
            long size = run.size();
            Optional<Threshold> th = bounds.threshold(transport, size);
            if (th.isEmpty() || th.get().minMessagesPerSecond() == null) {
                missing = "the profile states no throughput threshold for " + transport + " at " + size + " B";
                continue;
            }
            f.checked();
            String what = "receive_many by " + b.participant() + " over " + transport + " at " + size + " B";
            if (!"ok".equals(b.status())) {
                f.violation(what + " ended with " + b.status() + " after " + b.figure("received") + " of " + b.figure("count"));
                continue;
            }
            long start = send != null && send.request() != null ? send.request().time()
                    : b.request() != null ? b.request().time() : b.figure("first_t");
            long end = b.finish().arrival();
            long received = b.figure("received");
            double rate = end > start ? received / ((end - start) / 1e9) : Double.POSITIVE_INFINITY;
            double min = th.get().minMessagesPerSecond();
            boolean ok = rate >= min;
            f.figure(new Figure("throughput " + transport + " " + size + " B", rate, "msg/s", ">=", min, ok));
            long reportedStart = send != null && send.figure("first_t") > 0 ? send.figure("first_t") : b.figure("first_t");
            long reportedEnd = b.figure("last_t");
            if (reportedEnd > reportedStart) {
                double reported = received / ((reportedEnd - reportedStart) / 1e9);
                // shown, not judged: the endpoint's own first_t..last_t
                f.figure(new Figure("throughput " + transport + " " + size + " B, as the endpoint reports it", reported, "msg/s",
                        ">=", min, true));
            }
            if (!ok) {
                f.violation(String.format(Locale.ROOT, "%s: %,.0f msg/s (%d messages from %s to %s), below the profile's %,.0f msg/s",
                        what, rate, received, f.at(start), f.at(end), min));
            }
        }
        return f.verdict(missing);
    }
}
