package org.ipcspec.harness.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The order rows and columns appear in: the known names in the order PROTOCOL.md lists them, then
 * any other name alphabetically, and "-" (not applicable) last.
 */
final class Order {

    static final List<String> RULES = List.of("S1", "S2", "R1", "R2", "O1", "O2", "T1", "F1", "X1", "K1", "D1", "P1",
        "THROUGHPUT", "LATENCY");
    static final List<String> TRANSPORTS = List.of("shm", "file", "socket");
    static final List<String> COMBINATIONS = List.of("sync-send/sync-receive", "sync-send/async-receive",
        "async-send/sync-receive", "async-send/async-receive");

    static List<String> sorted(Collection<String> names, List<String> known) {
        List<String> out = new ArrayList<>(new LinkedHashSet<>(names));
        out.sort(Comparator.<String>comparingInt(n -> rank(n, known)).thenComparing(Comparator.naturalOrder()));
        return out;
    }

    private static int rank(String name, List<String> known) {
        if (ScenarioResult.NOT_APPLICABLE.equals(name)) {
            return Integer.MAX_VALUE;
        }
        int i = known.indexOf(name);
        return i >= 0 ? i : known.size();
    }

    private Order() {
    }
}
