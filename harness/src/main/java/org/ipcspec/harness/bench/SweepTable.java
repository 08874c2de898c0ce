package org.ipcspec.harness.bench;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.ipcspec.harness.report.TextTable;

/** The latency sweep as a text table: one row per point, marked where the channel stopped keeping up. */
public final class SweepTable {

    private SweepTable() {
    }

    public static String render(List<SweepPoint> points) {
        TextTable table = new TextTable(Set.of(0, 6), "transport", "offered msg/s", "achieved msg/s", "p50 us", "p99 us", "p99.9 us",
                "");
        String last = null;
        for (SweepPoint p : points) {
            if (last != null && !last.equals(p.transport())) {
                table.rule();
            }
            last = p.transport();
            table.add(List.of(p.transport() + ", " + p.messageBytes() + " B", String.format(Locale.ROOT, "%,d", p.offered()),
                    String.format(Locale.ROOT, "%,.0f", p.achieved()), micros(p.p50Ns()), micros(p.p99Ns()), micros(p.p999Ns()),
                    p.keptUp() ? "" : "past capacity: latency is the queue"));
        }
        return "Latency against offered load (one way, paced; latency counted from each message's due time)\n" + table.render();
    }

    static String micros(long ns) {
        return String.format(Locale.ROOT, ns >= 10_000_000 ? "%,.0f" : "%,.1f", ns / 1000.0);
    }
}
