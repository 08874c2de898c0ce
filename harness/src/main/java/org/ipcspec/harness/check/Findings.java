package org.ipcspec.harness.check;

import java.util.ArrayList;
import java.util.List;

import org.ipcspec.harness.history.History;
import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.spec.Rule;

/** Collects what one checker found; turns it into a {@link Verdict}. */
final class Findings {

    private final Rule rule;
    private final History history;
    private final List<String> reasons = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private int checked;

    Findings(Rule rule, History history) {
        this.rule = rule;
        this.history = history;
    }

    /** "+12.1 ms" */
    String at(long t) {
        return history.at(t);
    }

    void checked() {
        checked++;
    }

    void violation(String what) {
        reasons.add(rule + " violated: " + what);
    }

    void figure(Figure f) {
        figures.add(f);
    }

    /** PASSED or FAILED; SKIPPED (not applicable) with {@code notApplicable} when nothing was checked. */
    Verdict verdict(String notApplicable) {
        if (!reasons.isEmpty()) {
            return new Verdict(rule, Outcome.FAILED, checked, reasons, figures);
        }
        if (checked == 0) {
            return new Verdict(rule, Outcome.SKIPPED, 0, List.of(notApplicable), figures);
        }
        return new Verdict(rule, Outcome.PASSED, checked, List.of(), figures);
    }
}
