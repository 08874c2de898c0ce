package org.ipcspec.harness.check;

import org.ipcspec.harness.history.HistoryDsl;
import org.ipcspec.harness.history.Mode;
import org.junit.jupiter.api.Test;

import static org.ipcspec.harness.check.Expect.fails;
import static org.ipcspec.harness.check.Expect.notApplicable;
import static org.ipcspec.harness.check.Expect.passes;
import static org.ipcspec.harness.check.Expect.run;

/** R1 and R2. */
class ReceiveChecksTest {

    private static HistoryDsl with(String receiveMode) {
        return new HistoryDsl().open("receiver", "receiver", receiveMode).open("sender", "sender", "async");
    }

    @Test
    void r1PassesWhenTheReceiveReturnsAfterTheSendBegan() {
        passes(run("R1", with("sync")
                .receive("receiver", 10, 401.0, "message", "seq", 1L)
                .send("sender", 1, 400, 400.5, "ok")
                .build()));
    }

    @Test
    void r1FailsWhenTheReceiveReturnsAMessageBeforeItWasSent() {
        fails(run("R1", with("sync")
                        .receive("receiver", 10, 20.0, "message", "seq", 1L)
                        .send("sender", 1, 400, 400.5, "ok")
                        .build()),
                "R1 violated: receive by receiver returned seq 1 of sender 1 at +20.0 ms, before its send began at +400.0 ms");
    }

    @Test
    void r1FailsOnEmptyAndOnEarlyReturnWhenExpectedBlocked() {
        fails(run("R1", with("sync").receive("receiver", 10, 10.2, "empty").build()),
                "synchronous receive by receiver begun at +10.0 ms returned empty at +10.2 ms");
        fails(run("R1", with("sync").receive("receiver", 10, 40.0, "closed").build(),
                        ScenarioFacts.builder().expectBlocked("receiver").build()),
                "receive by receiver began at +10.0 ms and was expected to stay blocked, but ended with closed at +40.0 ms");
        passes(run("R1", with("sync").receive("receiver", 10, null, null).kill("receiver", 500).build(),
                ScenarioFacts.builder().expectBlocked("receiver").build()));
        notApplicable(run("R1", with("async").receive("receiver", 10, 10.2, "empty").build()));
    }

    @Test
    void r2PassesForAQuickEmpty() {
        passes(run("R2", with("async").receive("receiver", 10, 10.3, "empty").build()));
    }

    @Test
    void r2FailsWhenTheReceiveBlocksOrTimesOut() {
        fails(run("R2", with("async").receive("receiver", 10, 305.4, "empty").build()),
                "R2 violated: asynchronous receive by receiver begun at +10.0 ms returned empty at +305.4 ms after 295.4 ms, over the non-blocking bound 250 ms");
        fails(run("R2", with("async").receive("receiver", 10, 11.0, "timeout").build()),
                "returned timeout at +11.0 ms");
        fails(run("R2", with("async").receive("receiver", 10, null, null).exited("receiver", 900).build()),
                "had not returned at +900.0 ms");
    }

    @Test
    void factsOverrideTheRecordedMode() {
        // recorded as sync, but the facts say async: R2 applies, R1 does not
        notApplicable(run("R1", with("sync").receive("receiver", 10, 10.3, "empty").build(),
                ScenarioFacts.builder().mode("receiver", Mode.ASYNC).build()));
    }
}
