package org.ipcspec.harness.outcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ipcspec.harness.spec.Rule;
import org.ipcspec.harness.spec.ScenarioTags;

/**
 * One scenario's result, as a run collects it and every report renders it.
 *
 * @param name     the scenario's name (the pickle name of an example)
 * @param location where it is written: {@code features/blocking.feature:31}
 * @param tags     its tags: rules, transport, combination
 * @param outcome  how it ended
 * @param message  why it failed, was unsupported or broke; empty when it passed
 * @param duration how long it ran
 * @param link     where its detailed result is, relative to the page showing it; empty: nowhere
 */
public record ScenarioResult(String name, String location, ScenarioTags tags, Outcome outcome, String message,
                             Duration duration, String link) {

    public ScenarioResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(outcome, "outcome");
        location = location == null ? "" : location;
        message = message == null ? "" : message;
        duration = duration == null ? Duration.ZERO : duration;
        link = link == null ? "" : link;
    }

    public ScenarioResult withLink(String link) {
        return new ScenarioResult(name, location, tags, outcome, message, duration, link);
    }

    /** "C1 violated: ...", at the start of any line of a failure's message. */
    private static final Pattern VIOLATED = Pattern.compile("(?m)^\\s*([A-Z][A-Z0-9]*) violated:");

    /**
     * The rules its tags name, then any other rule its failure names: C1 is judged in every
     * scenario and W1 in every mixed run, whatever the tags, so a scenario may break a rule it is
     * not tagged with, and its matrix row must show it.
     */
    public List<String> rules() {
        List<String> ids = new ArrayList<>(tags.ruleIds());
        if (outcome == Outcome.FAILED) {
            Matcher m = VIOLATED.matcher(message);
            while (m.find()) {
                String id = m.group(1);
                if (!ids.contains(id) && Rule.byId(id).isPresent()) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    public String transport() {
        return tags.transport();
    }

    public String combination() {
        return tags.combination();
    }
}
