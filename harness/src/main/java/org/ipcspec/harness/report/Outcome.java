package org.ipcspec.harness.report;

import java.util.Locale;

/**
 * How a scenario ended, ordered by how bad it is for the verdict, least bad first. A cell of
 * the conformance matrix takes the colour of its worst outcome:
 * failed (a rule was broken) &gt; broken (the run could not be judged: crash, no hello, garbage,
 * harness error) &gt; unsupported (the implementation declines the feature) &gt; passed &gt;
 * skipped (not run, e.g. filtered out by tags: it says nothing about the implementation, so it
 * never hides a pass).
 */
public enum Outcome {
    SKIPPED("#e0e0e0", "#616161"),
    PASSED("#a5d6a7", "#1b5e20"),
    UNSUPPORTED("#b0bec5", "#37474f"),
    BROKEN("#ffcc80", "#8a4b00"),
    FAILED("#ef9a9a", "#8e0000");

    final String background;
    final String foreground;

    Outcome(String background, String foreground) {
        this.background = background;
        this.foreground = foreground;
    }

    /** "passed", "failed", ...: the lower-case name, as Allure spells statuses. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Outcome worst(Outcome a, Outcome b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
