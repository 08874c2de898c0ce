package org.ipcspec.harness.check;

import org.ipcspec.harness.history.History;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.spec.Rule;

/** One rule of docs/protocol.md#rules, checked from a recorded history. Stateless. */
public interface Checker {

    /** The rule it judges. */
    Rule rule();

    /** The rule's id, as tags and reports spell it: S1, O2, THROUGHPUT. */
    default String id() {
        return rule().name();
    }

    Verdict check(History history, ScenarioFacts facts, Bounds bounds);
}
