package org.ipcspec.harness.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules an implementation is held to, in the order docs/protocol.md#rules lists them. A
 * scenario names the rules it exercises as tags ({@code @S1}); a checker judges one rule; a
 * verdict, a matrix row and a report label each carry one.
 */
public enum Rule {
    S1("A synchronous send blocks until the receiver collects the message"),
    S2("An asynchronous send returns at once; full when capacity is reached"),
    R1("A synchronous receive blocks until a message exists"),
    R2("An asynchronous receive with nothing available returns empty at once"),
    O1("Each sender's messages are collected in the order sent"),
    O2("Every message sent ok is collected exactly once, intact"),
    T1("Timeouts end blocking calls at about timeout_ms, never much earlier"),
    F1("Formats are agreed at open; oversized messages get too_large"),
    X1("A channel has one receiver"),
    K1("A dead receiver ends a blocked synchronous send with closed; no torn messages"),
    D1("file transport: messages sent ok survive a crash of both processes"),
    P1("Channel artifacts are owner-only"),
    H1("What a peer writes against the wire format is reported or skipped, never delivered; the receiver reads on"),
    /** Judged in mixed runs of two implementations only (docs/protocol.md#rules). */
    W1("Two implementations that declare the same wire format open channels to each other"),
    /** Judged in every scenario, tagged or not. */
    C1("Every timestamp lies between the harness writing the request and reading the line"),
    THROUGHPUT("Throughput at least the profile's threshold"),
    LATENCY("Latency percentiles at most the profile's thresholds"),
    /** Not a rule of behaviour: the driver protocol itself (docs/protocol.md#handshake, #errors). */
    PROTOCOL("The endpoint speaks the driver protocol: hello, replies, error codes");

    private final String title;

    Rule(String title) {
        this.title = title;
    }

    /** One line for people, for tooltips; docs/protocol.md#rules is the normative text. */
    public String title() {
        return title;
    }

    /** The rule a tag or label names ("S1", "@S1", "throughput"), if any. */
    public static Optional<Rule> byId(String id) {
        String bare = Vocabulary.bare(id).toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(bare)).findFirst();
    }

    /** The rule of that id; a checker asked for a rule that does not exist is a harness bug. */
    public static Rule of(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("no rule " + id + "; the rules are " + ids()));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Rule::name).toList();
    }
}
