package org.ipcspec.harness.check;

import java.util.List;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.spec.Rule;

/**
 * What a checker concluded about one rule. A failed verdict's reasons each name the rule, the
 * message and the timestamps ("S1 violated: send of seq 3 ended ok at +12.1 ms, before ...").
 * A {@link Outcome#SKIPPED} verdict means the history held nothing the rule speaks about ("not
 * applicable"); a scenario that names a rule and gets one is a scenario defect, and the caller
 * treats it as a failure.
 *
 * @param rule    the rule judged
 * @param outcome PASSED, FAILED, or SKIPPED (not applicable)
 * @param checked how many things (calls, messages, files, batches) were checked
 * @param reasons why it failed, or why it did not apply; empty when passed
 * @param figures measured figures beside their thresholds (throughput and latency)
 */
public record Verdict(Rule rule, Outcome outcome, int checked, List<String> reasons, List<Figure> figures) {

    public Verdict {
        if (outcome != Outcome.PASSED && outcome != Outcome.FAILED && outcome != Outcome.SKIPPED) {
            throw new IllegalArgumentException("a verdict passes, fails or does not apply, not " + outcome);
        }
        reasons = List.copyOf(reasons);
        figures = List.copyOf(figures);
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    public boolean notApplicable() {
        return outcome == Outcome.SKIPPED;
    }

    /** One line for people: "S1 passed (4 checked)", or the reasons, one a line. */
    @Override
    public String toString() {
        return switch (outcome) {
            case PASSED -> rule + " passed (" + checked + " checked)";
            case FAILED -> String.join("\n", reasons);
            default -> rule + " not applicable: " + String.join("; ", reasons);
        };
    }
}
