package org.ipcspec.harness.check;

import static org.ipcspec.harness.check.Expect.fails;
import static org.ipcspec.harness.check.Expect.notApplicable;
import static org.ipcspec.harness.check.Expect.passes;
import static org.ipcspec.harness.history.HistoryDsl.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.HistoryDsl;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.profile.LatencyBounds;
import org.ipcspec.harness.profile.Threshold;

/** LATENCY on hand-written histories: a paced one-way run, a synchronous round trip, warm-up runs, early sends, lies. */
class LatencyCheckTest {

    private static final Bounds BOUNDS = Expect.BOUNDS.withThreshold("shm", 64, new Threshold(null, null,
            new LatencyBounds(5000L, 2000.0, 20_000.0, 40_000.0), new LatencyBounds(null, 1000.0, 30_000.0, null),
            new LatencyBounds(null, 2000.0, 20_000.0, 60_000.0)));

    private static Map<String, Object> ns(long p50, long p99, long p999) {
        return Map.of("p50", p50, "p90", p50, "p99", p99, "p999", p999, "max", p999);
    }

    /** A paced send_many (rate 5000) and its receive_many, starting at {@code ms}, with the receiver's latency_ns. */
    private static HistoryDsl paced(HistoryDsl dsl, double ms, Map<String, Object> latency, Object... recvEndKv) {
        dsl.request("sender", ms, "send_many", "channel", "main", "first_seq", 1L, "count", 1000L, "size", 64L, "rate", 5000L)
                .request("receiver", ms, "receive_many", "channel", "main", "count", 1000L);
        if (recvEndKv.length > 0) {
            dsl.event("receiver", ms + 100, "recv_end", recvEndKv);
        }
        Object[] sent = {"count", 1000L, "sent", 1000L, "full_retries", 0L, "first_t", t(ms), "last_t", t(ms + 200), "status", "ok"};
        return dsl.event("sender", ms + 200, "batch_end", sent).reply("sender", ms + 200, sent)
                .event("receiver", ms + 201, "batch_end", "count", 1000L, "received", 1000L, "first_t", t(ms), "last_t", t(ms + 201),
                        "status", "ok", "not_intact", 0L, "latency_ns", latency)
                .reply("receiver", ms + 201, "status", "ok");
    }

    private static HistoryDsl asyncPair() {
        return new HistoryDsl().open("receiver", "receiver", "sync").open("sender", "sender", "async");
    }

    @Test
    void aPacedRunIsHeldToEachPercentileBound() {
        Verdict ok = Expect.run("LATENCY", paced(asyncPair(), 100, ns(100_000, 9_000_000, 19_000_000)).build(), ScenarioFacts.NONE, BOUNDS);
        passes(ok);
        assertEquals(3, ok.figures().size(), "p50, p99 and p999 beside their bounds: " + ok.figures());
        fails(Expect.run("LATENCY", paced(asyncPair(), 100, ns(100_000, 28_023_300, 45_826_300)).build(), ScenarioFacts.NONE, BOUNDS),
                "LATENCY violated: receive_many by receiver over shm at 64 B, one way at 5,000 msg/s: p99 28,023.3 us, over the "
                        + "profile's 20,000.0 us (p50 100.0, p90 100.0, p99 28,023.3, p999 45,826.3, max 45,826.3 us)",
                "p999 45,826.3 us, over the profile's 40,000.0 us");
    }

    @Test
    void onlyTheLastPacedRunIsJudgedTheEarlierOnesWarmUp() {
        History h = paced(paced(asyncPair(), 100, ns(90_000_000, 99_000_000, 99_000_000)), 400, ns(100_000, 900_000, 1_000_000)).build();
        passes(Expect.run("LATENCY", h, ScenarioFacts.NONE, BOUNDS));
        History late = paced(paced(asyncPair(), 100, ns(100_000, 900_000, 1_000_000)), 400, ns(3_000_000, 9_000_000, 9_000_000)).build();
        fails(Expect.run("LATENCY", late, ScenarioFacts.NONE, BOUNDS), "p50 3,000.0 us, over the profile's 2,000.0 us");
    }

    @Test
    void aMessageCollectedBeforeItWasDueWasSentAheadOfTheRate() {
        History h = paced(asyncPair(), 100, ns(100_000, 900_000, 1_000_000), "status", "message", "seq", 7L, "sender_id", 1L,
                "sent_t", t(200.5)).build();
        fails(Expect.run("LATENCY", h, ScenarioFacts.NONE, BOUNDS), "message 7 was collected 500.0 us before it was due (its sent_t): "
                + "the sender sent ahead of the offered rate");
    }

    @Test
    void noBoundsForTheTransportIsNotApplicable() {
        notApplicable(Expect.run("LATENCY", paced(asyncPair(), 100, ns(1, 1, 1)).build(), ScenarioFacts.NONE, Expect.BOUNDS));
    }

    private static HistoryDsl syncSends(Map<String, Object> sendNs, double[][] sampled) {
        HistoryDsl dsl = new HistoryDsl().open("receiver", "receiver", "sync").open("sender", "sender", "sync")
                .request("sender", 100, "send_many", "channel", "main", "first_seq", 1L, "count", 1000L, "size", 64L);
        long seq = 1;
        for (double[] pair : sampled) {
            dsl.event("sender", pair[0], "send_begin", "seq", seq).event("sender", pair[1], "send_end", "seq", seq, "status", "ok");
            seq++;
        }
        Object[] end = sendNs == null
                ? new Object[] {"count", 1000L, "sent", 1000L, "full_retries", 0L, "first_t", t(100), "last_t", t(300), "status", "ok"}
                : new Object[] {"count", 1000L, "sent", 1000L, "full_retries", 0L, "first_t", t(100), "last_t", t(300), "status", "ok",
                        "send_ns", sendNs};
        return dsl.event("sender", 300, "batch_end", end).reply("sender", 300, end);
    }

    @Test
    void aSynchronousSendManysDurationsAreTheRoundTrip() {
        passes(Expect.run("LATENCY", syncSends(ns(50_000, 900_000, 2_000_000), new double[0][]).build(), ScenarioFacts.NONE, BOUNDS));
        fails(Expect.run("LATENCY", syncSends(ns(1_500_000, 900_000_000, 900_000_000), new double[0][]).build(), ScenarioFacts.NONE,
                BOUNDS), "send_many by sender over shm at 64 B, round trip: p50 1,500.0 us, over the profile's 1,000.0 us",
                "p99 900,000.0 us, over the profile's 30,000.0 us");
    }

    @Test
    void withoutSendNsTheSampledSendsAreJudged() {
        double[][] slow = new double[10][];
        for (int i = 0; i < slow.length; i++) {
            slow[i] = new double[] {110 + i * 10, 110 + i * 10 + 5};   // each 5 ms
        }
        fails(Expect.run("LATENCY", syncSends(null, slow).build(), ScenarioFacts.NONE, BOUNDS),
                "(no send_ns reported: from its 10 sampled sends): p50 5,000.0 us, over the profile's 1,000.0 us");
    }

    @Test
    void aRoundTripReportBelowItsSampledSendsIsALie() {
        double[][] slow = new double[6][];
        for (int i = 0; i < slow.length; i++) {
            slow[i] = new double[] {110 + i * 15, 110 + i * 15 + 15};
        }
        fails(Expect.run("LATENCY", syncSends(ns(1_000, 3_000, 20_000), slow).build(), ScenarioFacts.NONE, BOUNDS),
                "round trip: reported a max of 20.0 us, but a message it sampled took 15,000.0 us",
                "reported a p99 of 3.0 us, but half of the 6 messages sampled took 15,000.0 us or more");
    }

    /** A sampled send also writes its event lines, so it may run a little over the figures it stands for. */
    @Test
    void sampledSendsALittleOverTheReportAreTheSamplingCostNotALie() {
        double[][] sampled = new double[6][];
        for (int i = 0; i < sampled.length; i++) {
            sampled[i] = new double[] {110 + i * 10, 110 + i * 10 + 0.3};   // each 300 us
        }
        passes(Expect.run("LATENCY", syncSends(ns(100_000, 290_000, 290_000), sampled).build(), ScenarioFacts.NONE, BOUNDS));
    }

    /** An asynchronous sender's request/reply batch of 1,000 messages from 100 ms to {@code endMs} on the harness's clock. */
    private static HistoryDsl requestReply(Map<String, Object> roundTripNs, double endMs) {
        HistoryDsl dsl = new HistoryDsl().open("receiver", "receiver", "sync").open("sender", "sender", "async")
                .request("sender", 100, "send_many", "channel", "main", "first_seq", 1L, "count", 1000L, "size", 64L,
                        "reply_channel", "reply");
        Object[] end = {"count", 1000L, "sent", 1000L, "full_retries", 0L, "first_t", t(100), "last_t", t(endMs), "status", "ok",
                "round_trip_ns", roundTripNs};
        return dsl.event("sender", endMs, "batch_end", end).reply("sender", endMs, end);
    }

    @Test
    void aRequestReplyBatchIsHeldToTheRequestReplyBounds() {
        // 1,000 round trips of 100 us take 100 ms: within 2 ms at p50, 20 ms at p99
        passes(Expect.run("LATENCY", requestReply(ns(100_000, 900_000, 2_000_000), 200).build(), ScenarioFacts.NONE, BOUNDS));
        fails(Expect.run("LATENCY", requestReply(ns(3_000_000, 9_000_000, 9_000_000), 3_200).build(), ScenarioFacts.NONE, BOUNDS),
                "p50 3,000.0 us, over the profile's 2,000.0 us");
    }

    @Test
    void aRequestReplyBatchWithoutRoundTripsReportedFails() {
        Map<String, Object> none = new java.util.HashMap<>();
        fails(Expect.run("LATENCY", requestReply(none, 200).build(), ScenarioFacts.NONE, BOUNDS), "reported no p50");
    }

    @Test
    void roundTripsThatAddUpToFarLessThanTheBatchTookAreALie() {
        // reported: every round trip 10 us, so 1,000 of them take 10 ms; the harness saw 5 seconds go by
        fails(Expect.run("LATENCY", requestReply(ns(10_000, 10_000, 10_000), 5_100).build(), ScenarioFacts.NONE, BOUNDS),
                "add up to at most 10.0 ms, but the batch took 5,000.0 ms on the harness's clock");
        // the same report over 150 ms: inside the fixed allowance for reading and writing lines
        passes(Expect.run("LATENCY", requestReply(ns(10_000, 10_000, 10_000), 250).build(), ScenarioFacts.NONE, BOUNDS));
    }
}
