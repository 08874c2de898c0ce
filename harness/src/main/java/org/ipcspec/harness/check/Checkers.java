package org.ipcspec.harness.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ipcspec.harness.history.History;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.spec.Rule;

/** The registry of checkers, one per rule of docs/protocol.md#rules. */
public final class Checkers {

    private static final Map<Rule, Checker> ALL = new EnumMap<>(Rule.class);

    static {
        for (Checker c : List.of(new SyncSendCheck(), new AsyncSendCheck(), new SyncReceiveCheck(),
                new AsyncReceiveCheck(), new OrderCheck(), new ExactlyOnceCheck(), new TimeoutCheck(),
                new FormatCheck(), new SingleReceiverCheck(), new CrashCheck(), new DurabilityCheck(),
                new PermissionCheck(), new TimestampCheck(), new ThroughputCheck(), new LatencyCheck())) {
            ALL.put(c.rule(), c);
        }
    }

    private Checkers() {
    }

    /** The ids of the rules a checker judges, in document order: S1, S2, ..., THROUGHPUT, LATENCY. */
    public static List<String> ids() {
        return ALL.keySet().stream().map(Rule::name).toList();
    }

    public static List<Checker> all() {
        return List.copyOf(ALL.values());
    }

    public static boolean judges(Rule rule) {
        return ALL.containsKey(rule);
    }

    /** The checker for {@code id} (case-insensitive); an unknown id fails listing the known ones. */
    public static Checker get(String id) {
        Checker c = Rule.byId(id).map(ALL::get).orElse(null);
        if (c == null) {
            throw new IllegalArgumentException("unknown rule '" + id + "'; known rules: " + String.join(", ", ids()));
        }
        return c;
    }

    public static Checker get(Rule rule) {
        return get(rule.name());
    }

    /** Runs the checkers of the rules given, in the order given. */
    public static List<Verdict> check(Collection<Rule> rules, History history, ScenarioFacts facts, Bounds bounds) {
        List<Verdict> out = new ArrayList<>();
        for (Rule rule : rules) {
            out.add(get(rule).check(history, facts, bounds));
        }
        return out;
    }
}
