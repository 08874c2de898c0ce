package org.ipcspec.harness.check;

import org.ipcspec.harness.history.Batch;
import org.ipcspec.harness.history.Entry;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.Mode;
import org.ipcspec.harness.profile.Bounds;
import org.ipcspec.harness.profile.LatencyBounds;
import org.ipcspec.harness.profile.Threshold;
import org.ipcspec.harness.spec.Rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * LATENCY (docs/protocol.md#rules), judged two ways against the profile's bounds:
 *
 * <ul>
 * <li>one way, at an offered rate: the last completed receive_many on a channel whose send_many
 *     was paced ({@code rate}) has its p50, p99 and p99.9 latency (recv_end minus sent_t, the due
 *     time) within the profile's {@code latency} bounds. Earlier paced runs in the scenario warm
 *     the processes up and are not judged. A sampled message collected before its due time was
 *     sent ahead of the offered rate. A saturating run (no rate) is not judged: its latency is its
 *     queue.</li>
 * <li>round trip: the last completed synchronous send_many of each sender has the percentiles of
 *     its send durations ({@code send_ns}, or, when the endpoint does not report them, those of its
 *     sampled send_begin/send_end pairs) within the profile's {@code round_trip} bounds.</li>
 * <li>request/reply: the last completed send_many with a {@code reply_channel} of each sender has
 *     the percentiles of its round trips ({@code round_trip_ns}: send begun to acknowledgement
 *     collected) within the profile's {@code request_reply} bounds. Its round trips follow one
 *     another, so together they take about the batch's whole time: percentiles that add up to far
 *     less than the harness's own clock saw the batch take are a report that lies.</li>
 * </ul>
 *
 * <p>Each reported figure is cross-checked against the messages the harness saw: the sampled
 * events are some of the messages the percentiles summarise, so the reported max is at least
 * each one's, and the reported p99 at least their median (half of a sample over the true p99 is,
 * for any sample of more than a handful, a report that lies). A sampled message also pays for
 * writing its own event lines, so it runs a little slower than the ones it stands for (a 4 KiB
 * socket round trip: sampled median 298.9 us beside a true p99 of 290.8 us); a report is a lie
 * only when the sample is more than {@link #SAMPLING_COST_FACTOR} times over it, and, for the
 * median, {@link #SAMPLING_COST_NANOS} more.
 */
final class LatencyCheck implements Checker {

    /** The fewest sampled messages whose median says anything about a p99. */
    static final int MIN_SAMPLES = 5;

    /** How far over a reported figure the sampled messages may be before the report is a lie. */
    static final long SAMPLING_COST_FACTOR = 2;

    /**
     * What the sampled messages' median may add to that: each writes its event lines, and on a
     * loaded machine each write can hand the core to the harness that reads it, a time slice of
     * some milliseconds. With both cores busy a shm round trip whose true p99 was 1.2 ms had its 50
     * sampled sends' median over 2.5 ms. The max needs no such room: the reported max covers the
     * sampled messages themselves.
     */
    static final long SAMPLING_COST_NANOS = 10_000_000L;

    /**
     * How much of a request/reply batch's time on the harness's clock may go unaccounted for by its
     * reported round trips: the fixed part pays for reading the request and writing the reply and
     * the sampled events; beyond it the batch may take up to this factor of their most generous sum.
     */
    static final long UNACCOUNTED_NANOS = 200_000_000L;
    static final double UNACCOUNTED_FACTOR = 2.0;

    @Override
    public Rule rule() {
        return Rule.LATENCY;
    }

    @Override
    public Verdict check(History history, ScenarioFacts facts, Bounds bounds) {
        Findings f = new Findings(rule(), history);
        String missing = "no paced receive_many and no synchronous send_many completed in the history";
        Map<String, BulkRun> lastPaced = new LinkedHashMap<>();
        for (BulkRun run : BulkRun.of(history, facts, s -> true)) {
            Map<String, Object> latency = run.receive().latencyNs();
            if (latency.get("p99") instanceof Number p99) {
                crossCheck(f, describe(run.receive(), run.transport(), run.size(), "latency"), run.receive().latencyNs(),
                        sampledLatencies(history, run.receive()), p99.longValue());
            }
            if (run.send() != null && run.send().request() != null && run.send().request().has("rate")) {
                lastPaced.put(run.receive().participant(), run);
            }
        }
        for (BulkRun run : lastPaced.values()) {
            Optional<LatencyBounds> b = bounds.threshold(run.transport(), run.size()).map(Threshold::latency);
            if (b.isEmpty()) {
                missing = "the profile states no latency bounds for " + run.transport() + " at " + run.size() + " B";
                continue;
            }
            f.checked();
            long rate = run.send().request().num("rate", 0);
            String what = describe(run.receive(), run.transport(), run.size(), "one way") + " at "
                    + String.format(Locale.ROOT, "%,d", rate) + " msg/s";
            judge(f, what, "latency", run.transport(), run.size(), run.receive().latencyNs(), b.get());
            sentEarly(f, what, history, run.receive());
        }
        Map<String, Batch> lastSync = new LinkedHashMap<>();
        Map<String, Batch> lastRequestReply = new LinkedHashMap<>();
        for (Batch b : history.batches()) {
            if (!b.isSend() || !b.ended() || b.end() == null || b.figure("sent") == 0) {
                continue;
            }
            if (b.request() != null && b.request().has("reply_channel")) {
                lastRequestReply.put(b.participant(), b);
            } else if (b.end().mode() == Mode.SYNC) {
                lastSync.put(b.participant(), b);
            }
        }
        for (Batch b : lastRequestReply.values()) {
            String transport = transport(facts, b);
            long size = size(facts, b);
            Optional<LatencyBounds> rr = bounds.threshold(transport, size).map(Threshold::requestReply);
            if (rr.isEmpty()) {
                missing = "the profile states no request/reply bounds for " + transport + " at " + size + " B";
                continue;
            }
            f.checked();
            String what = describe(b, transport, size, "request/reply");
            Map<String, Object> reported = b.finish().obj("round_trip_ns");
            unaccounted(f, what, b, reported);
            judge(f, what, "request/reply", transport, size, reported, rr.get());
        }
        for (Batch b : lastSync.values()) {
            String transport = transport(facts, b);
            long size = size(facts, b);
            Optional<LatencyBounds> rt = bounds.threshold(transport, size).map(Threshold::roundTrip);
            if (rt.isEmpty()) {
                missing = "the profile states no round-trip bounds for " + transport + " at " + size + " B";
                continue;
            }
            f.checked();
            String what = describe(b, transport, size, "round trip");
            List<Long> sampled = sampledSendDurations(history, b);
            Map<String, Object> reported = b.finish().obj("send_ns");
            if (reported.get("p99") instanceof Number p99) {
                crossCheck(f, what, reported, sampled, p99.longValue());
            } else {
                // send_ns is optional: then the sampled sends are the evidence
                reported = NearestRank.summary(sampled);
                what += " (no send_ns reported: from its " + sampled.size() + " sampled sends)";
            }
            judge(f, what, "round trip", transport, size, reported, rt.get());
        }
        return f.verdict(missing);
    }

    /** The scenario's transport, else the batch's channel's. */
    private static String transport(ScenarioFacts facts, Batch b) {
        return facts.transport() != null ? facts.transport() : b.end().transport();
    }

    /** The scenario's message size, else the batch's. */
    private static long size(ScenarioFacts facts, Batch b) {
        return facts.messageSize() != null ? facts.messageSize() : b.size();
    }

    private static String describe(Batch b, String transport, long size, String kind) {
        return b.op() + " by " + b.participant() + " over " + transport + " at " + size + " B, " + kind;
    }

    /** Each bound against its reported percentile: a figure each, and a violation naming all three percentiles and the bound. */
    private static void judge(Findings f, String what, String figure, String transport, long size, Map<String, Object> reported,
                              LatencyBounds bounds) {
        String all = percentiles(reported);
        for (Map.Entry<String, Double> bound : bounds.byPercentile().entrySet()) {
            String p = bound.getKey();
            if (!(reported.get(p) instanceof Number n)) {
                f.violation(what + " reported no " + p + " (" + all + ")");
                continue;
            }
            double us = n.doubleValue() / 1000.0;
            boolean ok = us <= bound.getValue();
            f.figure(new Figure(p + " " + figure + " " + transport + " " + size + " B", us, "us", "<=", bound.getValue(), ok));
            if (!ok) {
                f.violation(String.format(Locale.ROOT, "%s: %s %,.1f us, over the profile's %,.1f us (%s)", what, p, us,
                        bound.getValue(), all));
            }
        }
    }

    private static String percentiles(Map<String, Object> reported) {
        List<String> parts = new ArrayList<>();
        for (String p : new String[] {"p50", "p90", "p99", "p999", "max"}) {
            if (reported.get(p) instanceof Number n) {
                parts.add(String.format(Locale.ROOT, "%s %,.1f", p, n.doubleValue() / 1000.0));
            }
        }
        return parts.isEmpty() ? "no percentiles" : String.join(", ", parts) + " us";
    }

    /** A message collected before its sent_t was sent before it was due: ahead of the offered rate. */
    private static void sentEarly(Findings f, String what, History history, Batch receive) {
        for (Entry e : eventsOf(history, receive, "recv_end")) {
            if (e.get("sent_t") instanceof Number sent && e.time() < sent.longValue()) {
                f.violation(String.format(Locale.ROOT, "%s: message %s was collected %,.1f us before it was due (its sent_t): the "
                        + "sender sent ahead of the offered rate", what, e.get("seq"), (sent.longValue() - e.time()) / 1e3));
                return;
            }
        }
    }

    private static List<Long> sampledLatencies(History history, Batch receive) {
        List<Long> seen = new ArrayList<>();
        for (Entry e : eventsOf(history, receive, "recv_end")) {
            if (e.get("sent_t") instanceof Number sent) {
                seen.add(e.time() - sent.longValue());
            }
        }
        return seen;
    }

    /** Durations of the batch's sampled ok sends: each send_end's time minus that of the send_begin of the same seq before it. */
    private static List<Long> sampledSendDurations(History history, Batch send) {
        List<Long> out = new ArrayList<>();
        Entry begin = null;
        for (Entry e : eventsOf(history, send, null)) {
            if (e.isEvent("send_begin")) {
                begin = e;
            } else if (e.isEvent("send_end") && begin != null && "ok".equals(e.status())
                    && String.valueOf(e.get("seq")).equals(String.valueOf(begin.get("seq")))) {
                out.add(e.time() - begin.time());
                begin = null;
            }
        }
        return out;
    }

    /** The batch's events of one kind (all when {@code event} is null), between its request and its batch_end. */
    private static List<Entry> eventsOf(History history, Batch b, String event) {
        List<Entry> out = new ArrayList<>();
        int from = b.request() == null ? 0 : b.request().index();
        for (Entry e : history.of(b.participant())) {
            if (e.index() > from && e.index() < b.finish().index() && (event == null ? e.event() != null : e.isEvent(event))) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * A request/reply batch's round trips follow one another, so their sum is about the batch's
     * time. The percentiles bound that sum from above (half of the round trips take at most p50, the
     * next 40% at most p90, and so on); a batch that took far longer on the harness's clock, from
     * its request written to its reply read, spent that time in round trips the report leaves out.
     */
    private static void unaccounted(Findings f, String what, Batch b, Map<String, Object> reported) {
        long sent = b.figure("sent");
        if (b.request() == null || sent <= 0 || !(reported.get("max") instanceof Number)) {
            return;
        }
        double[] shares = {0.5, 0.4, 0.09, 0.009, 0.001};
        String[] names = {"p50", "p90", "p99", "p999", "max"};
        double most = 0;
        for (int i = 0; i < names.length; i++) {
            if (!(reported.get(names[i]) instanceof Number n)) {
                return;
            }
            most += shares[i] * sent * n.doubleValue();
        }
        long took = b.finish().arrival() - b.request().arrival();
        if (took > UNACCOUNTED_NANOS + UNACCOUNTED_FACTOR * most) {
            f.violation(String.format(Locale.ROOT, "%s: its %,d reported round trips add up to at most %,.1f ms, but the batch took "
                    + "%,.1f ms on the harness's clock (request written to reply read)", what, sent, most / 1e6, took / 1e6));
        }
    }

    private static void crossCheck(Findings f, String what, Map<String, Object> reported, List<Long> sampled, long p99) {
        if (sampled.isEmpty()) {
            return;
        }
        List<Long> seen = new ArrayList<>(sampled);
        Collections.sort(seen);
        long largest = seen.get(seen.size() - 1);
        if (reported.get("max") instanceof Number max && max.longValue() * SAMPLING_COST_FACTOR < largest) {
            f.violation(String.format(Locale.ROOT, "%s: reported a max of %,.1f us, but a message it sampled took %,.1f us", what,
                    max.longValue() / 1e3, largest / 1e3));
        }
        long median = seen.get((seen.size() - 1) / 2);
        if (seen.size() >= MIN_SAMPLES && median > p99 * SAMPLING_COST_FACTOR + SAMPLING_COST_NANOS) {
            f.violation(String.format(Locale.ROOT, "%s: reported a p99 of %,.1f us, but half of the %d messages sampled took "
                    + "%,.1f us or more", what, p99 / 1e3, seen.size(), median / 1e3));
        }
    }
}
