package org.ipcspec.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What {@link TimelineSvg} draws: one scenario's recorded calls, messages, marks and rule
 * violations, on lanes (one per process). It is the renderer's own input model, independent of
 * how the harness records its history; the history code converts into it, most easily through
 * {@link #builder(String)}.
 *
 * <p>All times are CLOCK_MONOTONIC nanoseconds as the endpoints reported them; the picture shows
 * them relative to the earliest time in the timeline.
 *
 * @param title      a heading, typically the scenario name
 * @param lanes      lane names in drawing order, top to bottom ("sender", "sender 2", "receiver");
 *                   a lane used by an element but missing here is appended
 * @param calls      the calls, each with an id unique in this timeline
 * @param messages   messages, each drawn as an arrow from its send to its receive
 * @param marks      instants worth a tick: "started", "killed", "open ok"
 * @param violations rule violations found by the checkers
 */
public record Timeline(String title, List<String> lanes, List<Call> calls, List<Message> messages,
                       List<Mark> marks, List<Violation> violations) {

    public Timeline {
        title = title == null ? "" : title;
        lanes = List.copyOf(lanes);
        calls = List.copyOf(calls);
        messages = List.copyOf(messages);
        marks = List.copyOf(marks);
        violations = List.copyOf(violations);
    }

    /** What a call did, for its placement in the legend; the status decides its colour. */
    public enum Kind { SEND, RECEIVE, OTHER }

    /**
     * One request an endpoint carried out, from its begin event to its end event.
     *
     * @param id      unique within the timeline; violations refer to it
     * @param lane    the process that made the call
     * @param label   short text drawn beside the bar, e.g. "send #3 sync"
     * @param beginNs the begin event's time
     * @param endNs   the end event's time, empty if the call never ended (drawn as unfinished)
     * @param status  the status it ended with ("ok", "full", "timeout", "closed", "message",
     *                "empty", ...); ignored for an unfinished call
     */
    public record Call(int id, String lane, Kind kind, String label, long beginNs, OptionalLong endNs, String status) {
        public Call {
            Objects.requireNonNull(lane, "lane");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(endNs, "endNs");
            label = label == null ? "" : label;
            status = status == null ? "" : status;
            if (endNs.isPresent() && endNs.getAsLong() < beginNs) {
                throw new IllegalArgumentException("call ends before it begins: id=" + id + " begin=" + beginNs + " end=" + endNs.getAsLong());
            }
        }

        public boolean finished() {
            return endNs.isPresent();
        }
    }

    /**
     * A message, drawn as an arrow from the sender's lane at the time its send began to the
     * receiver's lane at the time the receive that collected it ended.
     *
     * @param id         unique within the timeline; violations refer to it
     * @param seq        the message's sequence number, drawn on the arrow
     */
    public record Message(int id, long seq, String fromLane, long sentNs, String toLane, long receivedNs) {
        public Message {
            Objects.requireNonNull(fromLane, "fromLane");
            Objects.requireNonNull(toLane, "toLane");
        }
    }

    /** An instant on a lane worth a vertical tick: "started", "killed", "open ok". */
    public record Mark(String lane, long atNs, String label) {
        public Mark {
            Objects.requireNonNull(lane, "lane");
            label = label == null ? "" : label;
        }
    }

    /**
     * A broken rule, drawn in red: on the call or message it concerns if it names one, otherwise
     * as a red marker at its time on its lane.
     *
     * @param rule      the rule id, "S1", "O2", ...
     * @param text      the checker's reason
     * @param callId    the call it concerns, if any
     * @param messageId the message it concerns, if any
     */
    public record Violation(String rule, String text, long atNs, String lane, OptionalInt callId, OptionalInt messageId) {
        public Violation {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(lane, "lane");
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(messageId, "messageId");
            text = text == null ? "" : text;
        }
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** Collects a timeline, handing out call and message ids in the order they are added. */
    public static final class Builder {
        private final String title;
        private final List<String> lanes = new ArrayList<>();
        private final List<Call> calls = new ArrayList<>();
        private final List<Message> messages = new ArrayList<>();
        private final List<Mark> marks = new ArrayList<>();
        private final List<Violation> violations = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder lane(String name) {
            if (!lanes.contains(name)) {
                lanes.add(name);
            }
            return this;
        }

        /** Adds a call that ended; returns its id. */
        public int call(String lane, Kind kind, String label, long beginNs, long endNs, String status) {
            int id = calls.size() + 1;
            calls.add(new Call(id, lane, kind, label, beginNs, OptionalLong.of(endNs), status));
            return id;
        }

        /** Adds a call that never ended; returns its id. */
        public int unfinishedCall(String lane, Kind kind, String label, long beginNs) {
            int id = calls.size() + 1;
            calls.add(new Call(id, lane, kind, label, beginNs, OptionalLong.empty(), ""));
            return id;
        }

        /** Adds a message; returns its id. */
        public int message(long seq, String fromLane, long sentNs, String toLane, long receivedNs) {
            int id = messages.size() + 1;
            messages.add(new Message(id, seq, fromLane, sentNs, toLane, receivedNs));
            return id;
        }

        public Builder mark(String lane, long atNs, String label) {
            marks.add(new Mark(lane, atNs, label));
            return this;
        }

        public Builder violation(String rule, String text, long atNs, String lane) {
            violations.add(new Violation(rule, text, atNs, lane, OptionalInt.empty(), OptionalInt.empty()));
            return this;
        }

        public Builder violationOnCall(String rule, String text, int callId) {
            Call call = calls.stream().filter(c -> c.id() == callId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such call: id=" + callId));
            long at = call.endNs().orElse(call.beginNs());
            violations.add(new Violation(rule, text, at, call.lane(), OptionalInt.of(callId), OptionalInt.empty()));
            return this;
        }

        public Builder violationOnMessage(String rule, String text, int messageId) {
            Message message = messages.stream().filter(m -> m.id() == messageId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such message: id=" + messageId));
            violations.add(new Violation(rule, text, message.receivedNs(), message.toLane(), OptionalInt.empty(), OptionalInt.of(messageId)));
            return this;
        }

        public Timeline build() {
            return new Timeline(title, lanes, calls, messages, marks, violations);
        }
    }
}
