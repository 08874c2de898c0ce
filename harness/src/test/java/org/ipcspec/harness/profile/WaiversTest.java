package org.ipcspec.harness.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;
import org.ipcspec.harness.spec.ScenarioTags;

/** Waivers in a profile: how they are written, what a bad one says, and what they do to results. */
class WaiversTest {

    private static final Path FILE = Path.of("/work/profiles/impl.yaml");
    private static final String HEAD = """
            name: demo
            command: [python3, endpoint.py]
            transports: [shm, file]
            timing: {non_blocking_ms: 250, blocked_ms: 300, crash_ms: 5000}
            waivers:
            """;

    private static String fails(String waivers) {
        return assertThrows(ProfileException.class, () -> Profile.parse(HEAD + waivers, FILE)).getMessage();
    }

    @Test
    void parsesScenarioAndRuleWaiversWithTheirLines() {
        Profile p = Profile.parse(HEAD + """
                  - scenario: features/blocking.feature:32
                    reason: known
                  - rule: S1
                    transport: file
                    reason: sync send returns early on file
                    issue: https://example.org/issues/7
                """, FILE);
        assertEquals(2, p.waivers().size());
        assertTrue(p.waivers().get(0).byPlace());
        assertEquals(6, p.waivers().get(0).line());
        assertEquals(new Waiver(null, "S1", "file", "sync send returns early on file", "https://example.org/issues/7", 8),
                p.waivers().get(1));
    }

    @Test
    void aBadWaiverIsAProfileErrorAtItsLine() {
        String nothing = fails("  - reason: why\n");
        assertTrue(nothing.startsWith(FILE + ":6:") && nothing.contains("names nothing"), nothing);
        String noReason = fails("  - scenario: x\n");
        assertTrue(noReason.contains(":6:") && noReason.contains("reason"), noReason);
        String unknownRule = fails("  - rule: S9\n    transport: shm\n    reason: r\n");
        assertTrue(unknownRule.contains(":6:") && unknownRule.contains("unknown rule 'S9'"), unknownRule);
        String noTransport = fails("  - rule: S1\n    reason: r\n");
        assertTrue(noTransport.contains("transport"), noTransport);
        String badIssue = fails("  - scenario: x\n    reason: r\n    issue: see ticket 7\n");
        assertTrue(badIssue.contains(":8:") && badIssue.contains("http(s) link"), badIssue);
        String typo = fails("  - scenario: x\n    reasn: r\n");
        assertTrue(typo.contains("did you mean 'reason'"), typo);
    }

    @Test
    void aWaiverNamingNoScenarioIsReportedWithFileAndLine() {
        List<Waivers.Named> features = List.of(new Waivers.Named("one", "features/a.feature:5", tags("S1", "shm")));
        List<String> errors = Waivers.namingNothing(FILE, List.of(
                new Waiver("one", null, null, "r", null, 6),
                new Waiver("features/a.feature:6", null, null, "r", null, 8),
                new Waiver(null, "S1", "file", "r", null, 10)), features);
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(FILE + ":8: "), errors.get(0));
        assertTrue(errors.get(1).startsWith(FILE + ":10: ") && errors.get(1).contains("no scenario checks S1 on file"), errors.get(1));
    }

    @Test
    void aWaivedFailureIsWaivedAndAnOutOfDateWaiverMakesUnexpectedPasses() {
        Waiver rule = new Waiver(null, "S1", "shm", "known", "https://example.org/7", 6);
        List<ScenarioResult> results = List.of(
                result("a", Outcome.FAILED, "S1 violated: early", "S1", "shm"),
                result("b", Outcome.PASSED, "", "S1", "shm"),
                result("c", Outcome.FAILED, "S1 violated: early", "S1", "file"),
                result("d", Outcome.FAILED, "O1 violated: reordered", "S1", "O1", "shm"),
                result("e", Outcome.PASSED, "", "S2", "file"));
        List<ScenarioResult> judged = Waivers.apply(List.of(rule, new Waiver("e", null, null, "flaky once", null, 9)), results);
        assertEquals(List.of(Outcome.WAIVED, Outcome.PASSED, Outcome.FAILED, Outcome.FAILED, Outcome.UNEXPECTED_PASS),
                judged.stream().map(ScenarioResult::outcome).toList());
        assertTrue(judged.get(0).message().startsWith("waived (known; https://example.org/7): S1 violated"), judged.get(0).message());
        assertTrue(judged.get(4).message().contains("remove the waiver"), judged.get(4).message());
    }

    @Test
    void exitStatusesOfWaivedRuns() {
        assertEquals(0, Outcome.exitStatus(List.of(Outcome.PASSED, Outcome.WAIVED)));
        assertEquals(0, Outcome.exitStatus(List.of(Outcome.UNEXPECTED_PASS), false));
        assertEquals(1, Outcome.exitStatus(List.of(Outcome.UNEXPECTED_PASS), true));
        assertEquals(1, Outcome.exitStatus(List.of(Outcome.WAIVED, Outcome.FAILED), false));
        assertEquals(2, Outcome.exitStatus(List.of(Outcome.WAIVED, Outcome.BROKEN), false));
    }

    private static ScenarioTags tags(String... tags) {
        return ScenarioTags.of(List.of(tags));
    }

    private static ScenarioResult result(String name, Outcome outcome, String message, String... tags) {
        return new ScenarioResult(name, "features/x.feature:" + name.hashCode(), tags(tags), outcome, message, Duration.ZERO, "");
    }
}
