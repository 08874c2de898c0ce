package org.ipcspec.harness.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What happened in one scenario, in recording order: every line the endpoints wrote and every mark
 * the harness made, on one monotonic clock. Immutable; build it with {@link HistoryRecorder}.
 *
 * <p>Calls are paired from the raw entries once, on first use: a {@code send_begin} with the next
 * {@code send_end} of the same participant and channel, and so on; each call is linked to the
 * request it served (the request whose reply followed its events) and to the channel end it used.
 * Times shown to people are relative to the earliest entry: {@link #at(long)} gives "+12.1 ms".
 */
public final class History {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<Entry> entries;
    private final long origin;
    private final long last;
    private volatile Calls calls;

    History(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Entry e : this.entries) {
            min = Math.min(min, Math.min(e.time(), e.arrival()));
            max = Math.max(max, Math.max(e.time(), e.arrival()));
        }
        this.origin = this.entries.isEmpty() ? 0 : min;
        this.last = this.entries.isEmpty() ? 0 : max;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The earliest instant recorded (ns); times shown to people count from here. */
    public long origin() {
        return origin;
    }

    /** The latest instant recorded (ns): what the history can vouch for ends here. */
    public long last() {
        return last;
    }

    /** {@code t} relative to the origin, for people: "+12.1 ms". */
    public String at(long t) {
        return formatMs(t - origin);
    }

    /** A duration for people: "305.4 ms". */
    public static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    static String formatMs(long nanos) {
        return String.format(Locale.ROOT, "%s%.1f ms", nanos < 0 ? "-" : "+", Math.abs(nanos) / 1e6);
    }

    /** Participant names in order of first appearance. */
    public Set<String> participants() {
        Set<String> names = new LinkedHashSet<>();
        entries.forEach(e -> names.add(e.participant()));
        return names;
    }

    /** Entries of one participant, in recording order. */
    public List<Entry> of(String participant) {
        return entries.stream().filter(e -> e.participant().equals(participant)).toList();
    }

    /** Marks (or lines) of one kind, in recording order. */
    public List<Entry> marks(Entry.Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }

    /** Event lines named {@code event}, of all participants. */
    public List<Entry> events(String event) {
        return entries.stream().filter(e -> e.isEvent(event)).toList();
    }

    /** Every channel end opened (one per recorded open request), in order. */
    public List<ChannelEnd> channelEnds() {
        return calls().ends;
    }

    /** Every send call (single sends and the samples of send_many), in order of send_begin. */
    public List<SendCall> sends() {
        return calls().sends;
    }

    /** Every receive call (single receives and the samples of receive_many), in order of recv_begin. */
    public List<ReceiveCall> receives() {
        return calls().receives;
    }

    /** Every send_many and receive_many, ended or not. */
    public List<Batch> batches() {
        return calls().batches;
    }

    /** Things the pairing could not make sense of (a send_end without send_begin, ...); empty when well-formed. */
    public List<String> anomalies() {
        return calls().anomalies;
    }

    /** The channel end of {@code participant} that {@code channel} named when the entry was recorded. */
    public ChannelEnd endAt(String participant, String channel, int index) {
        return calls().endAt(participant, channel, index);
    }

    private Calls calls() {
        Calls c = calls;
        if (c == null) {
            c = new Calls(this);
            calls = c;
        }
        return c;
    }

    /** The whole history as JSON: origin, and per entry its times (absolute and relative ms) and fields. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("origin_ns", origin);
        ArrayNode list = root.putArray("entries");
        for (Entry e : entries) {
            ObjectNode n = list.addObject();
            n.put("index", e.index());
            n.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
            n.put("participant", e.participant());
            n.put("time_ns", e.time());
            n.put("arrival_ns", e.arrival());
            n.put("at_ms", Math.round((e.time() - origin) / 1e5) / 10.0);
            n.set("fields", JSON.valueToTree(e.fields()));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads what {@link #toJson()} wrote (to re-check a recorded history offline). */
    @SuppressWarnings("unchecked")
    public static History fromJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            List<Entry> out = new ArrayList<>();
            for (JsonNode n : root.path("entries")) {
                Map<String, Object> fields = JSON.convertValue(n.path("fields"), LinkedHashMap.class);
                out.add(new Entry(out.size(), Entry.Kind.valueOf(n.path("kind").asText().toUpperCase(Locale.ROOT)),
                        n.path("participant").asText(), n.path("time_ns").asLong(), n.path("arrival_ns").asLong(),
                        fields));
            }
            return new History(out);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a history: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof History h && h.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            sb.append(at(e.time())).append(' ').append(e.participant()).append(' ').append(e.kind())
                    .append(' ').append(e.fields()).append('\n');
        }
        return sb.toString();
    }
}
