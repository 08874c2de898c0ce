package org.ipcspec.harness.outcome;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

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

    public List<String> rules() {
        return tags.ruleIds();
    }

    public String transport() {
        return tags.transport();
    }

    public String combination() {
        return tags.combination();
    }
}
