package org.ipcspec.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.process.StartupStats;

/** The spec check: every mistake of a spec writer at once, with file and line, before any endpoint starts. */
class SpecCheckTest {

    @Test
    void everyMistakeIsNamedAtItsLineAndNoEndpointStarts() throws URISyntaxException {
        Path specs = Path.of(getClass().getResource("/speccheck/mine").toURI());
        long starts = StartupStats.starts();
        List<String> errors = SpecCheck.errors(RunOptions.defaults().withFeatures(specs));
        assertEquals(starts, StartupStats.starts(), "the check started an endpoint");
        String all = String.join("\n", errors);
        assertEquals(5, errors.size(), all);
        assertTrue(all.contains("mine/first.feature:5: scenario \"senders before the receiver, a misspelt step\" is tagged @S9, which is no rule (did you mean @S1?)"), all);
        assertTrue(all.contains("mine/first.feature:6: \"a shmm channel\" names the transport 'shmm' (did you mean shm?)"), all);
        assertTrue(all.contains("mine/first.feature:8: undefined step \"a receiver that recieves synchronously\"; did you mean:\n"
                + "      a {participant} that receives {mode}"), all);
        assertTrue(all.contains("mine/first.feature:9: the receiver is set up after a sender (line 7)"), all);
        assertTrue(all.contains("mine/first.feature:14: scenario \"a kill rule with no kill\" is tagged @K1 but has no step"), all);
        assertTrue(errors.stream().noneMatch(e -> e.contains("classpath:") || e.contains("@Given")), "no class path, no Java snippet: " + all);
    }

    @Test
    void theSuitesOwnFeaturesPassTheCheck() {
        assertEquals(List.of(), SpecCheck.errors(RunOptions.defaults()));
    }

    @Test
    void anUndefinedStepIsASpecErrorNotABrokenImplementation() {
        assertEquals(Outcome.SPEC_ERROR, Outcome.of(new org.opentest4j.IncompleteExecutionException("The step \"x\" is undefined")));
    }
}
