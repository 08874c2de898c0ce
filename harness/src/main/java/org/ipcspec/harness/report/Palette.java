package org.ipcspec.harness.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ipcspec.harness.outcome.Outcome;

/** The colours of an outcome on a page: a light fill, and a dark text that stays legible on it. */
record Palette(String background, String foreground) {

    static Palette of(Outcome outcome) {
        return switch (outcome) {
            case SKIPPED -> new Palette("#e0e0e0", "#616161");
            case PASSED -> new Palette("#a5d6a7", "#1b5e20");
            case UNEXPECTED_PASS -> new Palette("#c5e1a5", "#33691e");
            case WAIVED -> new Palette("#fff59d", "#5d4037");
            case UNSUPPORTED -> new Palette("#b0bec5", "#37474f");
            case SPEC_ERROR -> new Palette("#ce93d8", "#4a148c");
            case BROKEN -> new Palette("#ffcc80", "#8a4b00");
            case FAILED -> new Palette("#ef9a9a", "#8e0000");
        };
    }

    /** The outcomes, worst first: the order a breakdown lists them in. */
    static List<Outcome> worstFirst() {
        List<Outcome> all = new ArrayList<>(List.of(Outcome.values()));
        Collections.reverse(all);
        return all;
    }

    /** "failed > broken > ... > skipped": as a legend says which colour a cell takes. */
    static String ranking() {
        return String.join(" > ", worstFirst().stream().map(Outcome::label).toList());
    }

    String css() {
        return "background:" + background + ";color:" + foreground;
    }
}
