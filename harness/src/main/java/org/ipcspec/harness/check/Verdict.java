package org.ipcspec.harness.check;

import java.util.List;

/**
 * What a checker concluded about one rule. A failed verdict's reasons each name the rule, the
 * message and the timestamps ("S1 violated: send of seq 3 ended ok at +12.1 ms, before ...").
 * NOT_APPLICABLE means the history held nothing the rule speaks about; a scenario that names a rule
 * and gets NOT_APPLICABLE is a scenario defect, and the caller should treat it as a failure.
 *
 * @param rule    the rule id (S1, O2, THROUGHPUT, ...)
 * @param outcome passed, failed or not applicable
 * @param checked how many things (calls, messages, files, batches) were checked
 * @param reasons why it failed, or why it did not apply; empty when passed
 * @param figures measured figures beside their thresholds (throughput and latency)
 */
public record Verdict(String rule, Outcome outcome, int checked, List<String> reasons, List<Figure> figures) {

    public enum Outcome { PASSED, FAILED, NOT_APPLICABLE }

    public Verdict {
        reasons = List.copyOf(reasons);
        figures = List.copyOf(figures);
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    /** One line for people: "S1 passed (4 checked)", or the reasons, one a line. */
    @Override
    public String toString() {
        return switch (outcome) {
            case PASSED -> rule + " passed (" + checked + " checked)";
            case NOT_APPLICABLE -> rule + " not applicable: " + String.join("; ", reasons);
            case FAILED -> String.join("\n", reasons);
        };
    }
}
