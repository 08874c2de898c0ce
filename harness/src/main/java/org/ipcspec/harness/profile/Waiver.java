package org.ipcspec.harness.profile;

import java.util.Objects;

/**
 * An expected failure the profile declares: a scenario (by name, or by {@code FILE:LINE}), or a
 * rule on a transport. A failure it covers is reported as waived, not failed; when everything it
 * covers passes, it is out of date and its scenarios are reported as unexpected passes.
 *
 * @param scenario  a scenario's exact name, or its {@code FILE:LINE} (matched at the end of the
 *                  scenario's location, so {@code blocking.feature:32} will do); null for a rule waiver
 * @param rule      a rule id of docs/protocol.md#rules; null for a scenario waiver
 * @param transport the transport the rule is waived on; with a scenario, an optional narrowing
 * @param reason    why, for the reader of the report
 * @param issue     a link to the issue that tracks it, or null
 * @param line      the line of the profile it is written on, for messages
 */
public record Waiver(String scenario, String rule, String transport, String reason, String issue, int line) {

    public Waiver {
        Objects.requireNonNull(reason, "reason");
        if ((scenario == null) == (rule == null)) {
            throw new IllegalArgumentException("a waiver names a scenario or a rule, not both or neither");
        }
    }

    /** Whether {@link #scenario} is a place ({@code FILE:LINE}) rather than a name. */
    public boolean byPlace() {
        return scenario != null && scenario.matches(".*\\.feature:\\d+");
    }

    /** "scenario 'x'", "rule S1 on file": how messages name it. */
    public String describe() {
        if (scenario != null) {
            return "scenario '" + scenario + "'" + (transport == null ? "" : " on " + transport);
        }
        return "rule " + rule + " on " + transport;
    }
}
