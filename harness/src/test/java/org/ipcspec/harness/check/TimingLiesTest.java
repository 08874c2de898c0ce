package org.ipcspec.harness.check;

import static org.ipcspec.harness.check.Expect.fails;
import static org.ipcspec.harness.check.Expect.passes;
import static org.ipcspec.harness.history.HistoryDsl.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.HistoryDsl;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.profile.Threshold;

/** An implementation that lies in its timestamps or figures is judged on the harness's own clock. */
class TimingLiesTest {

    private static final Bounds PERF = Expect.BOUNDS.withThreshold("shm", 64, new Threshold(1_000_000.0, 500.0));

    @Test
    void honestTimestampsLieInsideTheirWindows() {
        History h = new HistoryDsl().open("sender", "sender", "async").send("sender", 1, 10, 12.0, "ok").build();
        passes(Expect.run("C1", h));
    }

    @Test
    void anEventDatedBeforeItsRequestWasWrittenBreaksC1() {
        History h = new HistoryDsl().open("sender", "sender", "async")
                .request("sender", 10, "send", "channel", "main", "seq", 1L, "size", 64L)
                .eventClaiming("sender", 11, 5, "send_begin", "seq", 1L)
                .event("sender", 12, "send_end", "seq", 1L, "status", "ok").reply("sender", 12, "status", "ok").build();
        fails(Expect.run("C1", h), "sender's send_begin of its send says t=", "outside the harness's window");
    }

    @Test
    void anEventDatedAfterTheHarnessReadItBreaksC1() {
        History h = new HistoryDsl().open("sender", "sender", "async")
                .request("sender", 10, "send", "channel", "main", "seq", 1L, "size", 64L)
                .event("sender", 10.5, "send_begin", "seq", 1L)
                .eventClaiming("sender", 11, 40, "send_end", "seq", 1L, "status", "ok").reply("sender", 41, "status", "ok").build();
        fails(Expect.run("C1", h), "send_end", "to reading the line at +");
    }

    @Test
    void throughputIsTheHarnessesFigureNotTheOneReported() {
        // The endpoint claims its million messages took 50 ms; the harness saw 2 s pass.
        History h = new HistoryDsl().open("receiver", "receiver", "async").open("sender", "sender", "async")
                .sendMany("sender", 1, 1_000_000, 64, 100, 150)
                .receiveMany("receiver", 1_000_000, 90, 2100, "first_t", t(100), "last_t", t(150), "latency_ns",
                        Map.of("p50", 1000L, "p90", 2000L, "p99", 3000L, "p999", 9000L, "max", 20000L))
                .build();
        Verdict v = Expect.run("THROUGHPUT", h, ScenarioFacts.NONE, PERF);
        fails(v, "500,000 msg/s", "from +100.0 ms to +2100.0 ms");
        assertEquals(20_000_000, v.figures().get(1).value(), 1.0, "the reported figure is shown beside it");
    }

    @Test
    void reportedLatencyBelowWhatTheSampledMessagesTookBreaksLatency() {
        HistoryDsl dsl = new HistoryDsl().open("receiver", "receiver", "async").open("sender", "sender", "async")
                .sendMany("sender", 1, 1_000_000, 64, 100, 600)
                .request("receiver", 90, "receive_many", "channel", "main", "count", 1_000_000L);
        for (int i = 0; i < 6; i++) {
            dsl.event("receiver", 200 + i * 50, "recv_end", "status", "message", "seq", 1L + i, "sender_id", 1L,
                    "sent_t", t(200 + i * 50 - 15));
        }
        History lying = dsl.event("receiver", 700, "batch_end", "count", 1_000_000L, "received", 1_000_000L, "first_t", t(100),
                "last_t", t(700), "status", "ok", "not_intact", 0L, "latency_ns",
                Map.of("p50", 1000L, "p90", 2000L, "p99", 3000L, "p999", 9000L, "max", 20000L)).reply("receiver", 700, "status", "ok")
                .build();
        fails(Expect.run("LATENCY", lying, ScenarioFacts.NONE, PERF), "reported a max of 20.0 us, but a message it sampled took",
                "reported a p99 of 3.0 us, but half of the 6 messages sampled took 15,000.0 us or more");
    }
}
