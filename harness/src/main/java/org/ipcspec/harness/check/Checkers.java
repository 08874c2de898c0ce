package org.ipcspec.harness.check;

import org.ipcspec.harness.history.History;
import org.ipcspec.harness.profile.Bounds;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of checkers, one per rule of PROTOCOL.md section 5, by rule id. */
public final class Checkers {

    private static final Map<String, Checker> ALL = new LinkedHashMap<>();

    static {
        for (Checker c : List.of(new SyncSendCheck(), new AsyncSendCheck(), new SyncReceiveCheck(),
                new AsyncReceiveCheck(), new OrderCheck(), new ExactlyOnceCheck(), new TimeoutCheck(),
                new FormatCheck(), new SingleReceiverCheck(), new CrashCheck(), new DurabilityCheck(),
                new PermissionCheck(), new ThroughputCheck(), new LatencyCheck())) {
            ALL.put(c.id(), c);
        }
    }

    private Checkers() {
    }

    /** Rule ids in document order: S1, S2, R1, R2, O1, O2, T1, F1, X1, K1, D1, P1, THROUGHPUT, LATENCY. */
    public static List<String> ids() {
        return List.copyOf(ALL.keySet());
    }

    public static List<Checker> all() {
        return List.copyOf(ALL.values());
    }

    /** The checker for {@code id} (case-insensitive); an unknown id fails listing the known ones. */
    public static Checker get(String id) {
        Checker c = ALL.get(id.toUpperCase(java.util.Locale.ROOT));
        if (c == null) {
            throw new IllegalArgumentException("unknown rule '" + id + "'; known rules: " + String.join(", ", ALL.keySet()));
        }
        return c;
    }

    /** Runs the named checkers, in the order given. */
    public static List<Verdict> check(Collection<String> ids, History history, ScenarioFacts facts, Bounds bounds) {
        List<Verdict> out = new ArrayList<>();
        for (String id : ids) {
            out.add(get(id).check(history, facts, bounds));
        }
        return out;
    }
}
