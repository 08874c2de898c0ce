package org.ipcspec.harness.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.ipcspec.harness.history.Batch;
import org.ipcspec.harness.history.History;

/**
 * A completed receive_many with what the throughput and latency rules judge it by: the send_many on
 * the same channel (if recorded), the transport and the message size. Facts override the history.
 *
 * @param send the first send_many on the receiver's channel that {@code sends} accepts, or null
 */
record BulkRun(Batch receive, Batch send, String transport, long size) {

    static List<BulkRun> of(History history, ScenarioFacts facts, Predicate<Batch> sends) {
        List<BulkRun> runs = new ArrayList<>();
        for (Batch b : history.batches()) {
            if (b.isSend() || !b.ended()) {
                continue;
            }
            Batch send = history.batches().stream()
                    .filter(s -> s.isSend() && sends.test(s) && Lookup.same(b.end(), s.end())).findFirst().orElse(null);
            String transport = facts.transport() != null ? facts.transport() : b.end() == null ? null : b.end().transport();
            long size = facts.messageSize() != null ? facts.messageSize() : send != null ? send.size() : -1;
            runs.add(new BulkRun(b, send, transport, size));
        }
        return runs;
    }
}
