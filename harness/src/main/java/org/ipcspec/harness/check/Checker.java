package org.ipcspec.harness.check;

import org.ipcspec.harness.history.History;
import org.ipcspec.harness.profile.Bounds;

/** One rule of PROTOCOL.md section 5, checked from a recorded history. Stateless. */
public interface Checker {

    /** The rule id: S1, S2, R1, R2, O1, O2, T1, F1, X1, K1, D1, P1, THROUGHPUT, LATENCY. */
    String id();

    /** The rule in one sentence, for reports and the list of rules. */
    String rule();

    Verdict check(History history, ScenarioFacts facts, Bounds bounds);
}
