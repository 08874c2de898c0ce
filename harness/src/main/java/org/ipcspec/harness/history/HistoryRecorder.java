package org.ipcspec.harness.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Collects a scenario's entries as they happen. Process readers (one thread per process stream) and
 * the step thread append concurrently; {@link #snapshot()} may be taken at any time, also while
 * appending goes on, and is immutable.
 *
 * <p>Record each request with {@link #request} just before writing it to stdin: checkers read op
 * parameters (mode, address, timeout_ms, text, ...) from these marks, and pair calls with requests.
 */
public final class HistoryRecorder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final LongSupplier clock;
    private final List<Entry> entries = new ArrayList<>();

    /** Times entries with {@link System#nanoTime()}, the endpoints' clock on Linux. */
    public HistoryRecorder() {
        this(System::nanoTime);
    }

    /** Times entries with {@code clock} (ns on the shared monotonic clock); tests pass a fake. */
    public HistoryRecorder(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A stdout line of {@code participant}, as read. A line that is not a JSON object is kept as an
     * {@link Entry.Kind#UNPARSED} entry, so the report shows it; it is never dropped.
     */
    public Entry line(String participant, String json) {
        long now = clock.getAsLong();
        Map<String, Object> fields;
        try {
            fields = JSON.readValue(json, MAP);
        } catch (JsonProcessingException | RuntimeException e) {
            fields = null;
        }
        if (fields == null) {
            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("raw", json);
            raw.put("error", "not a JSON object");
            return add(Entry.Kind.UNPARSED, participant, now, now, raw);
        }
        return line(participant, fields, now);
    }

    /** An already parsed line of {@code participant}, read at harness time {@code arrival}. */
    public Entry line(String participant, Map<String, ?> fields, long arrival) {
        Object t = fields.get("t");
        long time = "event".equals(fields.get("type")) && t instanceof Number n ? n.longValue() : arrival;
        return add(Entry.Kind.LINE, participant, time, arrival, fields);
    }

    /** The harness is about to write {@code request} to the participant's stdin. */
    public Entry request(String participant, Map<String, ?> request) {
        return mark(Entry.Kind.REQUEST, participant, request, clock.getAsLong());
    }

    /** The participant's process was started; {@code details} may hold pid, argv. */
    public Entry started(String participant, Map<String, ?> details) {
        return mark(Entry.Kind.STARTED, participant, details, clock.getAsLong());
    }

    /** The harness sent SIGKILL to the participant's process. */
    public Entry killed(String participant) {
        return mark(Entry.Kind.KILLED, participant, Map.of(), clock.getAsLong());
    }

    /** The participant's process was stopped (SIGSTOP) and seen stopped. */
    public Entry paused(String participant) {
        return mark(Entry.Kind.PAUSED, participant, Map.of(), clock.getAsLong());
    }

    /** The participant's process was let go on (SIGCONT). */
    public Entry resumed(String participant) {
        return mark(Entry.Kind.RESUMED, participant, Map.of(), clock.getAsLong());
    }

    /** The participant's process was seen to have exited with {@code exitCode}. */
    public Entry exited(String participant, int exitCode) {
        return mark(Entry.Kind.EXITED, participant, Map.of("exit_code", exitCode), clock.getAsLong());
    }

    /** A mark at an explicit harness time; for replaying and hand-written histories. */
    public Entry mark(Entry.Kind kind, String participant, Map<String, ?> fields, long time) {
        if (kind == Entry.Kind.LINE || kind == Entry.Kind.UNPARSED) {
            throw new IllegalArgumentException("not a mark: kind=" + kind);
        }
        return add(kind, participant, time, time, fields);
    }

    /** An immutable copy of everything recorded so far. */
    public History snapshot() {
        synchronized (entries) {
            return new History(List.copyOf(entries));
        }
    }

    private Entry add(Entry.Kind kind, String participant, long time, long arrival, Map<String, ?> fields) {
        synchronized (entries) {
            @SuppressWarnings("unchecked")
            Entry e = new Entry(entries.size(), kind, participant, time, arrival, (Map<String, Object>) fields);
            entries.add(e);
            return e;
        }
    }
}
