package org.ipcspec.harness.check;

import org.ipcspec.harness.history.HistoryDsl;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.profile.Threshold;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.ipcspec.harness.check.Expect.fails;
import static org.ipcspec.harness.check.Expect.notApplicable;
import static org.ipcspec.harness.check.Expect.passes;
import static org.ipcspec.harness.check.Expect.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** T1, F1, X1, K1, D1, P1, THROUGHPUT, LATENCY and the registry. */
class OtherChecksTest {

    private static HistoryDsl sync() {
        return new HistoryDsl().open("receiver", "receiver", "sync").open("sender", "sender", "sync");
    }

    // ---- T1

    @Test
    void t1PassesForATimelyTimeout() {
        passes(run("T1", sync()
                .receiveWith("receiver", 10, 1012.0, "timeout", List.of("timeout_ms", 1000L))
                .send("sender", 1, 10, 1015.0, "timeout", "timeout_ms", 1000L)
                .build()));
    }

    @Test
    void t1FailsForAnEarlyOrLateTimeout() {
        fails(run("T1", sync().receiveWith("receiver", 10, 160.2, "timeout", List.of("timeout_ms", 1000L)).build()),
                "T1 violated: receive by receiver began at +10.0 ms and ended with timeout at +160.2 ms after 150.2 ms, earlier than timeout_ms 1000 (tolerance 10 ms)");
        fails(run("T1", sync().send("sender", 4, 10, 1400.0, "timeout", "timeout_ms", 1000L).build()),
                "send of seq 4 by sender began at +10.0 ms and ended with timeout at +1400.0 ms after 1390.0 ms, later than timeout_ms 1000 plus the non-blocking bound 250 ms");
        fails(run("T1", sync().receiveWith("receiver", 10, null, null, List.of("timeout_ms", 100L))
                        .mark(org.ipcspec.harness.history.Entry.Kind.STARTED, "other", 2000).build()),
                "was still blocked at +2000.0 ms");
        fails(run("T1", sync().receive("receiver", 10, 20.0, "timeout").build()), "but no timeout_ms was asked for");
        notApplicable(run("T1", sync().receive("receiver", 10, 20.0, "message", "seq", 1L).build()));
    }

    @Test
    void t1TakesTheTimeoutFromFactsWhenTheRequestLacksIt() {
        fails(run("T1", sync().receive("receiver", 10, 60.0, "timeout").build(),
                ScenarioFacts.builder().timeoutMs(1000).build()), "earlier than timeout_ms 1000");
    }

    // ---- F1

    @Test
    void f1PassesWhenFormatsAndSizesAreHonoured() {
        passes(run("F1", new HistoryDsl()
                .open("receiver", "receiver", "sync", "content_type", "application/json", "max_message_bytes", 1024L)
                .open("sender", "sender", "async", "content_type", "application/json")
                .open("sender2", "sender", "async", "content_type", "text/plain", "status", "format_mismatch")
                .send("sender", 1, 10, 10.5, "ok", "size", 1024L)
                .send("sender", 2, 11, 11.5, "too_large", "size", 1025L)
                .receive("receiver", 20, 21.0, "message", "seq", 1L, "content_type", "application/json")
                .build()));
    }

    @Test
    void f1FailsOnMissedMismatchOrWrongSizeVerdicts() {
        fails(run("F1", new HistoryDsl()
                        .open("receiver", "receiver", "sync", "content_type", "application/json")
                        .open("sender", "sender", "async", "content_type", "text/plain").build()),
                "F1 violated: sender opened a sender with content_type text/plain at +2.0 ms on a channel of application/json and got ok; expected format_mismatch");
        fails(run("F1", new HistoryDsl()
                        .open("receiver", "receiver", "sync", "max_message_bytes", 1024L)
                        .open("sender", "sender", "async")
                        .send("sender", 2, 11, 11.5, "ok", "size", 2000L)
                        .send("sender", 3, 12, 12.5, "too_large", "size", 100L).build()),
                "send of seq 2 (2000 bytes, limit 1024) by sender ended with ok at +11.5 ms; expected too_large",
                "send of seq 3 (100 bytes, limit 1024) by sender ended with too_large at +12.5 ms, though it is within the limit");
        fails(run("F1", new HistoryDsl()
                        .open("receiver", "receiver", "sync", "max_message_bytes", 1024L)
                        .open("sender", "sender", "async", "max_message_bytes", 100L)
                        .send("sender", 2, 11, 11.5, "too_large", "size", 200L)
                        .receive("receiver", 20, 21.0, "message", "seq", 2L).build()),
                "ended with too_large at +11.5 ms, yet receiver collected it at +21.0 ms");
    }

    // ---- X1

    @Test
    void x1PassesWhenASecondReceiverGetsBusyAndALaterOneAfterExitDoesNot() {
        passes(run("X1", new HistoryDsl()
                .open("receiver", "receiver", "sync")
                .open("receiver2", "receiver", "sync", "status", "busy")
                .kill("receiver", 10).exited("receiver", 12)
                .openAt("receiver3", 20, "receiver", "sync")
                .build()));
    }

    @Test
    void x1FailsOnTwoReceiversOrAFalseBusy() {
        fails(run("X1", new HistoryDsl()
                        .open("receiver", "receiver", "sync")
                        .open("receiver2", "receiver", "sync").build()),
                "X1 violated: receiver2 opened a receiver at +2.0 ms while receiver held the channel (opened at +1.0 ms) and got ok; expected busy");
        fails(run("X1", new HistoryDsl()
                        .open("receiver", "receiver", "sync")
                        .request("receiver", 5, "close", "channel", "main").reply("receiver", 6)
                        .openAt("receiver2", 10, "receiver", "sync", "status", "busy").build()),
                "receiver2 opened a receiver at +10.0 ms and got busy at +11.0 ms, but no receiver held the channel");
    }

    // ---- K1

    @Test
    void k1PassesWhenABlockedSenderGetsClosedInTime() {
        passes(run("K1", sync().send("sender", 1, 10, 1500.0, "closed").kill("receiver", 100).build()));
    }

    @Test
    void k1FailsWhenTheBlockedSenderHangsOrGetsAnotherStatus() {
        fails(run("K1", sync().send("sender", 1, 10, 6000.0, "closed").kill("receiver", 100).build()),
                "K1 violated: send of seq 1 by sender, blocked since +10.0 ms when receiver was killed at +100.0 ms, ended with closed at +6000.0 ms, 5900.0 ms after the kill, beyond the crash bound 5000 ms");
        fails(run("K1", sync().send("sender", 1, 10, null, null).kill("receiver", 100).exited("sender", 5200).build()),
                "was still blocked at +5200.0 ms, beyond the crash bound 5000 ms");
        fails(run("K1", sync().send("sender", 1, 10, 300.0, "ok").kill("receiver", 100).build()),
                "ended ok at +300.0 ms though no receive began before the kill; expected closed");
    }

    @Test
    void k1FailsOnATornMessageAfterASenderDied() {
        passes(run("K1", sync().receive("receiver", 10, 200.0, "message", "seq", 1L).kill("sender", 100).build()));
        fails(run("K1", sync().receive("receiver", 10, 200.0, "message", "seq", 1L, "intact", false)
                        .kill("sender", 100).build()),
                "seq 1 of sender 1 collected by receiver at +200.0 ms, after sender was killed at +100.0 ms, is not intact");
        notApplicable(run("K1", sync().build()));
    }

    // ---- D1

    private static HistoryDsl crashAndReopen() {
        return new HistoryDsl().channel("file", "/tmp/ipcspec-test/spool")
                .open("receiver", "receiver", "async").open("sender", "sender", "async")
                .send("sender", 1, 10, 10.5, "ok").send("sender", 2, 11, 11.5, "ok")
                .receive("receiver", 20, 21.0, "message", "seq", 1L)
                .kill("receiver", 30).kill("sender", 31)
                .openAt("receiver2", 40, "receiver", "async");
    }

    @Test
    void d1PassesWhenWhatWasLeftIsCollectedAfterTheReopen() {
        passes(run("D1", crashAndReopen().receive("receiver2", 50, 51.0, "message", "seq", 2L).build()));
    }

    @Test
    void d1FailsWhenAMessageIsLostInTheCrash() {
        fails(run("D1", crashAndReopen().receive("receiver2", 50, 51.0, "empty").build()),
                "D1 violated: seq 2 of sender 1 was sent ok at +11.5 ms and not collected before receiver was killed at +30.0 ms, but was not collected after receiver2 opened the channel again at +40.0 ms");
        notApplicable(run("D1", crashAndReopen().build(), ScenarioFacts.builder().transport("shm").build()));
    }

    // ---- P1

    @Test
    void p1ChecksOwnerOnlyModes() {
        passes(run("P1", sync().build(), ScenarioFacts.builder()
                .file("/tmp/x/c1", false, 0600).file("/tmp/x/spool", true, 0700).build()));
        fails(run("P1", sync().build(), ScenarioFacts.builder()
                        .file("/tmp/x/c1", false, 0644).file("/tmp/x/spool", true, 0500).build()),
                "P1 violated: file /tmp/x/c1 has mode 0644; channel artifacts must be owner-only",
                "folder /tmp/x/spool has mode 0500; its owner needs 0700");
        notApplicable(run("P1", sync().build()));
    }

    // ---- THROUGHPUT and LATENCY

    private static final Bounds PERF = Expect.BOUNDS.withThreshold("shm", 64, new Threshold(1_000_000.0, 500.0));

    private static HistoryDsl bulk(double receiveEndMs, long p99ns) {
        return new HistoryDsl().open("receiver", "receiver", "async").open("sender", "sender", "async")
                .sendMany("sender", 1, 1_000_000, 64, 100, 600)
                .receiveMany("receiver", 1_000_000, 90, receiveEndMs, "latency_ns",
                        Map.of("p50", 1000L, "p90", 2000L, "p99", p99ns, "p999", 9000L, "max", 20000L));
    }

    @Test
    void throughputIsEndToEndAgainstTheThreshold() {
        Verdict ok = Checkers.get("THROUGHPUT").check(bulk(700, 1000).build(), ScenarioFacts.NONE, PERF);
        passes(ok);
        Figure fig = ok.figures().get(0);
        assertEquals(1_666_666, fig.value(), 1.0, "1e6 messages from +100 ms to +700 ms");
        assertTrue(fig.ok());
        Verdict slow = Checkers.get("THROUGHPUT").check(bulk(2100, 1000).build(), ScenarioFacts.NONE, PERF);
        fails(slow, "THROUGHPUT violated: receive_many by receiver over shm at 64 B: 500,000 msg/s (1000000 messages from +100.0 ms to +2100.0 ms), below the profile's 1,000,000 msg/s");
        assertFalse(slow.figures().get(0).ok());
        notApplicable(Checkers.get("THROUGHPUT").check(bulk(700, 1000).build(), ScenarioFacts.NONE, Expect.BOUNDS));
    }

    @Test
    void aSaturatingRunsLatencyIsNotJudged() {
        // its latency is its queue (docs/protocol.md#rules): LatencyCheckTest judges paced runs
        notApplicable(Checkers.get("LATENCY").check(bulk(700, 812_300).build(), ScenarioFacts.NONE, PERF));
    }

    // ---- registry

    @Test
    void registryListsEveryRuleAndRejectsUnknownIds() {
        assertEquals(List.of("S1", "S2", "R1", "R2", "O1", "O2", "T1", "F1", "X1", "K1", "D1", "P1", "C1", "THROUGHPUT", "LATENCY"),
                Checkers.ids());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkers.get("S9"));
        assertTrue(e.getMessage().contains("known rules: S1, S2"), e.getMessage());
        assertEquals("S1", Checkers.get("s1").id());
        Checkers.all().forEach(c -> assertFalse(c.rule().title().isBlank()));
    }
}
