package org.ipcspec.harness.profile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;
import org.ipcspec.harness.spec.ScenarioTags;

/**
 * What a profile's waivers do to a run's results. A waiver covers the scenarios it names (a rule
 * waiver: those that check the rule on its transport). A covered scenario that failed becomes
 * {@link Outcome#WAIVED}, except that a rule waiver waives only a failure of its own rule. When
 * nothing a waiver covers failed and everything it covers that ran passed, the waiver is out of
 * date: those scenarios become {@link Outcome#UNEXPECTED_PASS}. Broken and spec errors are never
 * waived: they mean the run could not judge.
 */
public final class Waivers {

    private Waivers() {
    }

    /** A waiver's scope, for one scenario: its name, its place, its tags. */
    public static boolean covers(Waiver waiver, String name, String location, ScenarioTags tags) {
        if (waiver.transport() != null && !waiver.transport().equals(tags.transport())) {
            return false;
        }
        if (waiver.rule() != null) {
            return tags.ruleIds().contains(waiver.rule());
        }
        if (waiver.byPlace()) {
            return location.equals(waiver.scenario()) || location.endsWith("/" + waiver.scenario());
        }
        return name.equals(waiver.scenario());
    }

    /**
     * The waivers that name no scenario of the features (each "FILE:LINE: waiver ... names no
     * scenario"), checked against every scenario there is, not only those a run selects.
     *
     * @param scenarios every scenario as (name, location, tags)
     */
    public static List<String> namingNothing(Path profile, List<Waiver> waivers, List<Named> scenarios) {
        List<String> errors = new ArrayList<>();
        for (Waiver w : waivers) {
            if (scenarios.stream().noneMatch(s -> covers(w, s.name(), s.location(), s.tags()))) {
                errors.add(profile + ":" + w.line() + ": waiver of " + w.describe() + " names no scenario of the features"
                        + (w.scenario() != null && !w.byPlace() ? " (a name must match exactly; `ipcspec list` prints them, "
                        + "or give FILE:LINE)" : "") + (w.rule() != null ? " (no scenario checks " + w.rule() + " on " + w.transport() + ")" : ""));
            }
        }
        return errors;
    }

    /** A scenario as the features name it. */
    public record Named(String name, String location, ScenarioTags tags) {
    }

    public static List<ScenarioResult> apply(List<Waiver> waivers, List<ScenarioResult> results) {
        List<ScenarioResult> out = new ArrayList<>(results);
        for (Waiver w : waivers) {
            List<Integer> covered = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                ScenarioResult r = out.get(i);
                if (covers(w, r.name(), r.location(), r.tags())) {
                    covered.add(i);
                }
            }
            boolean anyFailed = false;
            for (int i : covered) {
                ScenarioResult r = out.get(i);
                if (r.outcome() == Outcome.FAILED && brokeItsRule(w, r)) {
                    out.set(i, with(r, Outcome.WAIVED, "waived (" + because(w) + "): " + r.message()));
                    anyFailed = true;
                } else if (r.outcome() == Outcome.WAIVED || r.outcome() == Outcome.FAILED) {
                    anyFailed = true;
                }
            }
            boolean allPassed = !covered.isEmpty() && covered.stream().map(out::get)
                    .allMatch(r -> r.outcome() == Outcome.PASSED || r.outcome() == Outcome.UNEXPECTED_PASS
                            || r.outcome() == Outcome.UNSUPPORTED || r.outcome() == Outcome.SKIPPED)
                    && covered.stream().map(out::get).anyMatch(r -> r.outcome() == Outcome.PASSED);
            if (!anyFailed && allPassed) {
                for (int i : covered) {
                    ScenarioResult r = out.get(i);
                    if (r.outcome() == Outcome.PASSED) {
                        out.set(i, with(r, Outcome.UNEXPECTED_PASS, "unexpected pass: the profile waives " + w.describe()
                                + " (" + because(w) + "), and it passed; remove the waiver"));
                    }
                }
            }
        }
        return out;
    }

    /** A rule waiver waives a failure of its rule, not another rule broken in the same scenario. */
    private static boolean brokeItsRule(Waiver w, ScenarioResult r) {
        return w.rule() == null
                || Pattern.compile("(?s).*\\b" + Pattern.quote(w.rule()) + "\\b.*violated.*").matcher(r.message()).matches();
    }

    private static String because(Waiver w) {
        return w.reason() + (w.issue() == null ? "" : "; " + w.issue());
    }

    private static ScenarioResult with(ScenarioResult r, Outcome outcome, String message) {
        return new ScenarioResult(r.name(), r.location(), r.tags(), outcome, message, r.duration(), r.link());
    }
}
