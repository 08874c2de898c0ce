package org.ipcspec.harness.run;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One scenario's result.
 *
 * @param name     the scenario's name (the pickle name of an example)
 * @param location where it is written: {@code features/blocking.feature:31}
 * @param tags     its tags without '@' ({@code shm}, {@code S1}, {@code sync-send}, ...)
 * @param message  why it failed, was unsupported or broke; empty when it passed
 */
public record ScenarioResult(String name, String location, Set<String> tags, Outcome outcome, String message, Duration duration) {

    public ScenarioResult {
        tags = Set.copyOf(tags);
        message = message == null ? "" : message;
    }

    /** The rule ids among the tags (upper case: S1, O2, THROUGHPUT). */
    public List<String> rules() {
        return new TreeSet<>(tags).stream().filter(t -> t.matches("[A-Z][A-Z0-9]*")).toList();
    }

    public String transport() {
        return tags.stream().filter(t -> t.equals("shm") || t.equals("file") || t.equals("socket")).findFirst().orElse("-");
    }

    /** "sync-send/async-receive", one half, or "-". */
    public String combination() {
        String send = tags.stream().filter(t -> t.endsWith("-send")).findFirst().orElse("");
        String receive = tags.stream().filter(t -> t.endsWith("-receive")).findFirst().orElse("");
        String both = send.isEmpty() || receive.isEmpty() ? send + receive : send + "/" + receive;
        return both.isEmpty() ? "-" : both;
    }
}
