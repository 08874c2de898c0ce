package org.ipcspec.harness.check;

import org.ipcspec.harness.history.HistoryDsl;
import org.junit.jupiter.api.Test;

import static org.ipcspec.harness.check.Expect.fails;
import static org.ipcspec.harness.check.Expect.notApplicable;
import static org.ipcspec.harness.check.Expect.passes;
import static org.ipcspec.harness.check.Expect.run;

/** S1 and S2. */
class SendChecksTest {

    private static HistoryDsl sync() {
        return new HistoryDsl().open("receiver", "receiver", "sync").open("sender", "sender", "sync");
    }

    private static HistoryDsl async() {
        return new HistoryDsl().open("receiver", "receiver", "async", "capacity", 2L).open("sender", "sender", "async");
    }

    @Test
    void s1PassesWhenSendEndsAfterTheCollectingReceiveBegan() {
        passes(run("S1", sync()
                .send("sender", 1, 10, 320.0, "ok")
                .receive("receiver", 300, 319.0, "message", "seq", 1L)
                .build()));
    }

    @Test
    void s1FailsWhenSendEndsBeforeTheCollectingReceiveBegan() {
        fails(run("S1", sync()
                        .send("sender", 3, 10, 12.1, "ok")
                        .receive("receiver", 305.4, 306.0, "message", "seq", 3L)
                        .build()),
                "S1 violated: send of seq 3 by sender ended ok at +12.1 ms, before receiver began the receive that collected it at +305.4 ms");
    }

    @Test
    void s1FailsWhenSendEndsOkWithNoReceiveAtAll() {
        fails(run("S1", sync().send("sender", 1, 10, 11.0, "ok").build()),
                "send of seq 1 by sender ended ok at +11.0 ms, before the receiver began any receive (none recorded)");
    }

    @Test
    void s1FailsOnFullAndOnEarlyReturnWhenExpectedBlocked() {
        fails(run("S1", sync().send("sender", 1, 10, 11.0, "full").build()), "returned full at +11.0 ms");
        fails(run("S1", sync().send("sender", 1, 10, 50.0, "closed").build(),
                        ScenarioFacts.builder().expectBlocked("sender").build()),
                "send of seq 1 by sender began at +10.0 ms and was expected to stay blocked, but ended with closed at +50.0 ms");
    }

    @Test
    void s1PassesForAStillBlockedSendAndIsNotApplicableWithoutSyncSends() {
        passes(run("S1", sync().send("sender", 1, 10, null, null).mark(
                        org.ipcspec.harness.history.Entry.Kind.KILLED, "sender", 400).build(),
                ScenarioFacts.builder().expectBlocked("sender").build()));
        fails(run("S1", sync().send("sender", 1, 10, null, null).build(),
                ScenarioFacts.builder().expectBlocked("sender").build()), "only 0.0 ms later");
        notApplicable(run("S1", async().send("sender", 1, 10, 11.0, "ok").build()));
    }

    @Test
    void s1AcceptsACollectionInsideAnUnsampledBulkReceive() {
        passes(run("S1", sync()
                .receiveMany("receiver", 1, 5, 30)
                .send("sender", 1, 10, 20.0, "ok")
                .build()));
    }

    @Test
    void s2PassesForQuickSendsAndFullAtCapacity() {
        passes(run("S2", async()
                .send("sender", 1, 10, 10.5, "ok")
                .send("sender", 2, 11, 11.5, "ok")
                .send("sender", 3, 12, 12.5, "full")
                .receive("receiver", 20, 21.0, "message", "seq", 1L)
                .send("sender", 4, 30, 30.5, "ok")
                .build()));
    }

    @Test
    void s2FailsWhenASendBlocks() {
        fails(run("S2", async().send("sender", 1, 10, 412.0, "ok").build()),
                "S2 violated: asynchronous send of seq 1 by sender took 402.0 ms (+10.0 ms to +412.0 ms), over the non-blocking bound 250 ms");
        fails(run("S2", async().send("sender", 1, 10, null, null).kill("sender", 600).build()),
                "began at +10.0 ms and had not returned at +600.0 ms");
    }

    @Test
    void s2FailsWhenOkAtCapacityOrFullWithRoom() {
        fails(run("S2", async()
                        .send("sender", 1, 10, 10.5, "ok")
                        .send("sender", 2, 11, 11.5, "ok")
                        .send("sender", 3, 12, 12.5, "ok")
                        .build()),
                "send of seq 3 by sender returned ok at +12.5 ms with at least 2 messages uncollected (capacity 2); it must return full");
        fails(run("S2", async()
                        .send("sender", 1, 10, 10.5, "ok")
                        .send("sender", 2, 11, 11.5, "full")
                        .build()),
                "send of seq 2 by sender returned full at +11.5 ms with at most 1 messages uncollected (capacity 2)");
    }

    @Test
    void s2FailsWhenAFullSendWroteItsMessage() {
        fails(run("S2", async()
                        .send("sender", 1, 10, 10.5, "ok")
                        .send("sender", 2, 11, 11.5, "ok")
                        .send("sender", 3, 12, 12.5, "full")
                        .receive("receiver", 20, 21.0, "message", "seq", 1L)
                        .receive("receiver", 22, 23.0, "message", "seq", 2L)
                        .receive("receiver", 24, 25.0, "message", "seq", 3L)
                        .build()),
                "send of seq 3 by sender returned full at +12.5 ms, yet the message was collected by receiver at +25.0 ms");
    }
}
