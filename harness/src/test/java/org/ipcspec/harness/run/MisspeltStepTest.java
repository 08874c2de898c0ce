package org.ipcspec.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;

/** A person who misspells a step is told where, and which steps they probably meant. */
class MisspeltStepTest {

    @Test
    void anUndefinedStepFailsTheScenarioAndTheClosestStepsAreListed() throws URISyntaxException {
        Path specs = Path.of(getClass().getResource("/misspelt/specs").toURI());
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<ScenarioResult> results;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            results = ConformanceRun.run(RunOptions.defaults().withFeatures(specs), r -> { }).scenarios();
        } finally {
            System.setErr(err);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, results.size(), results.toString());
        assertEquals(Outcome.SPEC_ERROR, results.get(0).outcome(), results.toString());
        assertTrue(printed.contains("specs/misspelt.feature:4: undefined step \"a shm chanel with capacty 4\""), printed);
        assertTrue(printed.contains("did you mean:"), printed);
        String suggestions = printed.substring(printed.indexOf("did you mean:"));
        assertTrue(suggestions.lines().skip(1).findFirst().orElse("").contains("a {transport} channel with capacity {int}"), printed);
    }
}
