package org.ipcspec.harness.report;

import java.util.Locale;

/**
 * The colour family of a call, from its status: what a reader should see at a glance is whether
 * the call did its job (green), sat blocked until a timeout (amber), failed (red) or found
 * nothing to do (grey). Fills are light so the black labels and the red violation outlines stay
 * legible on them.
 */
enum Tone {
    OK("ok / message", "#8fd19e", "#2e7d32"),
    BLOCKED("blocked / timeout", "#f6c667", "#b26a00"),
    ERROR("closed / error", "#f1a7a7", "#b71c1c"),
    IDLE("empty / full", "#d3d3d3", "#757575"),
    OTHER("other status", "#b3c7e6", "#3d5a80");

    final String legend;
    final String fill;
    final String stroke;

    Tone(String legend, String fill, String stroke) {
        this.legend = legend;
        this.fill = fill;
        this.stroke = stroke;
    }

    static Tone of(String status) {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "ok", "message" -> OK;
            case "blocked", "timeout" -> BLOCKED;
            case "closed", "error", "io", "busy", "not_found", "format_mismatch", "too_large", "killed", "crashed" -> ERROR;
            case "empty", "full" -> IDLE;
            default -> OTHER;
        };
    }
}
