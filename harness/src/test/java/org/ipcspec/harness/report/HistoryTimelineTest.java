package org.ipcspec.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.ipcspec.harness.check.Checkers;
import org.ipcspec.harness.check.ScenarioFacts;
import org.ipcspec.harness.check.Verdict;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.HistoryDsl;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.spec.Rule;

/** From a recorded history to the picture: calls as bars, the collected message as an arrow, a broken rule in red. */
class HistoryTimelineTest {

    @Test
    void anEarlySynchronousSendIsDrawnWithItsArrowAndTheViolationInRed() {
        History history = new HistoryDsl()
                .open("receiver", "receiver", "sync").open("sender", "sender", "sync")
                .send("sender", 3, 10, 12.1, "ok")
                .receive("receiver", 305.4, 306.0, "message", "seq", 3L)
                .kill("receiver", 400)
                .build();
        List<Verdict> verdicts = Checkers.check(List.of(Rule.S1), history, ScenarioFacts.NONE, Bounds.of(250, 300, 5000));
        assertTrue(verdicts.get(0).failed(), verdicts.toString());

        Timeline timeline = HistoryTimeline.of("early send", history, verdicts);
        assertEquals(List.of("receiver", "sender"), timeline.lanes().stream().sorted().toList());
        assertEquals(2, timeline.calls().size(), timeline.calls().toString());
        assertEquals(1, timeline.messages().size());
        assertEquals(3, timeline.messages().get(0).seq());
        assertTrue(timeline.marks().stream().anyMatch(m -> m.label().equals("killed") && m.lane().equals("receiver")), timeline.marks().toString());
        assertEquals("S1", timeline.violations().get(0).rule());
        assertTrue(timeline.violations().get(0).callId().isPresent(), "the violation sits on the send of seq 3");

        String svg = TimelineSvg.render(timeline);
        assertTrue(svg.contains("S1"), svg);
        assertTrue(svg.contains("send #3"), svg);
        assertTrue(svg.contains("recv #3"), svg);
    }

    @Test
    void aPassingHistoryHasNoViolations() {
        History history = new HistoryDsl()
                .open("receiver", "receiver", "sync").open("sender", "sender", "sync")
                .send("sender", 1, 10, 320.0, "ok")
                .receive("receiver", 300, 319.0, "message", "seq", 1L)
                .build();
        List<Verdict> verdicts = Checkers.check(List.of(Rule.S1), history, ScenarioFacts.NONE, Bounds.of(250, 300, 5000));
        Timeline timeline = HistoryTimeline.of("fine", history, verdicts);
        assertTrue(timeline.violations().isEmpty());
        assertEquals(1, timeline.messages().size());
    }

    @Test
    void aCallThatClaimsToEndBeforeItBeganIsStillDrawnAndItsLieNamed() {
        History history = new HistoryDsl().open("receiver", "receiver", "sync")
                .request("receiver", 10, "receive", "channel", "main")
                .event("receiver", 10.5, "recv_begin")
                .eventClaiming("receiver", 20, 2, "recv_end", "status", "timeout")
                .reply("receiver", 20, "status", "timeout")
                .build();
        List<Verdict> verdicts = Checkers.check(List.of(Rule.C1), history, ScenarioFacts.NONE, Bounds.of(250, 300, 5000));
        assertTrue(verdicts.get(0).failed(), verdicts.toString());
        Timeline timeline = HistoryTimeline.of("backdated", history, verdicts);
        assertEquals(1, timeline.calls().size());
        assertEquals("C1", timeline.violations().get(0).rule());
        assertTrue(TimelineSvg.render(timeline).contains("C1"));
    }
}
