package org.ipcspec.harness.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a baseline program writes on stdout, in the endpoint's line format so that the harness's
 * own supervision ({@code EndpointProcess}) runs it: a {@code hello} once it is ready, then one
 * {@code result} event with its figures. Written by hand, not with Jackson, so that a baseline's
 * JVM loads nothing the measured loop does not need.
 */
final class BaselineLines {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private BaselineLines() {
    }

    /**
     * Exits this JVM once stdin ends, as an endpoint does: an echo program loops until killed, and
     * without this every run's close would wait out EndpointProcess's grace period (5 s) and take
     * a thread dump before the kill. A daemon thread, so the measured loop never looks at stdin.
     */
    static void exitAtEndOfInput() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // a baseline reads no requests
                }
            } catch (IOException e) {
                // stdin broken: the harness is gone as surely as at EOF
            }
            System.exit(0);
        }, "stdin-eof");
        watcher.setDaemon(true);
        watcher.start();
    }

    static void hello(String name) {
        OUT.println("{\"type\":\"hello\",\"protocol\":1,\"implementation\":\"" + name + "\",\"version\":\"0\"}");
    }

    /** One result event; values are numbers. */
    static void result(Map<String, ? extends Number> fields) {
        StringBuilder line = new StringBuilder("{\"type\":\"event\",\"event\":\"result\"");
        fields.forEach((key, value) -> line.append(",\"").append(key).append("\":").append(value));
        OUT.println(line.append('}'));
    }

    /**
     * One result event with one field, a list of numbers: a one-way baseline's {@code first_t} or
     * {@code last_t} of each of its {@link BenchOptions#TIMED_BATCHES} timed batches.
     */
    static void result(String key, long[] values) {
        StringBuilder line = new StringBuilder("{\"type\":\"event\",\"event\":\"result\",\"").append(key).append("\":[");
        for (int i = 0; i < values.length; i++) {
            line.append(i == 0 ? "" : ",").append(values[i]);
        }
        OUT.println(line.append("]}"));
    }

    /** One result event with the percentiles of a ping-pong, as {@code Baselines} reads them. */
    static void percentiles(BenchResult.Percentiles p) {
        Map<String, Number> fields = new java.util.LinkedHashMap<>();
        fields.put("count", p.count());
        fields.put("p50", p.p50());
        fields.put("p90", p.p90());
        fields.put("p99", p.p99());
        fields.put("max", p.max());
        fields.put("mean", p.mean());
        result(fields);
    }

    /** Spins briefly, then yields: both sides of a loop share two cores with the rest of the machine. */
    static int idle(int spins) {
        if (spins < 100) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
        return spins + 1;
    }
}
