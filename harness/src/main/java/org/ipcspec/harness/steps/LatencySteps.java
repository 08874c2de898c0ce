package org.ipcspec.harness.steps;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.opentest4j.TestAbortedException;

import org.ipcspec.harness.check.Checkers;
import org.ipcspec.harness.check.FigureLog;
import org.ipcspec.harness.check.ScenarioFacts;
import org.ipcspec.harness.check.Verdict;
import org.ipcspec.harness.profile.LatencyBounds;
import org.ipcspec.harness.profile.Threshold;
import org.ipcspec.harness.scenario.Participant;
import org.ipcspec.harness.scenario.ScenarioWorld;
import org.ipcspec.harness.spec.Rule;

/**
 * Latency at an offered rate and round trips (docs/protocol.md#send_many, {@code rate} and
 * {@code send_ns}): the profile states the rate and the bounds per transport and size, the steps
 * run paced bulk sends, and LATENCY judges them. A profile without bounds for the transport and
 * size makes the scenario unsupported: there is nothing to hold the implementation to.
 */
public final class LatencySteps {

    /** How long a request waits for its acknowledgement: a loaded machine's worst, with room. */
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final ScenarioWorld world;
    private final BulkSteps bulk;
    /** The message count of the last paced send: rate x seconds. */
    private int count;

    public LatencySteps(ScenarioWorld world, BulkSteps bulk) {
        this.world = world;
        this.bulk = bulk;
    }

    @When("{participant} sends {int}-byte messages for {int} second(s) at the profile's offered rate")
    public void sendPaced(String name, int size, int seconds) {
        LatencyBounds bounds = bounds(size, Threshold::latency, "latency");
        long messages = bounds.ratePerSecond() * seconds;
        if (messages > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("rate " + bounds.ratePerSecond() + " x " + seconds + " s is too many messages");
        }
        count = (int) messages;
        Participant sender = world.participant(name);
        ObjectNode request = world.request("send_many").put("channel", "main").put("first_seq", 1).put("count", count)
                .put("size", size).put("rate", bounds.ratePerSecond()).put("sample_every", Math.max(1, count / BulkSteps.SAMPLES))
                .put("timeout_ms", BulkSteps.SEND_FULL_TIMEOUT.toMillis());
        world.call(sender, String.format(Locale.ROOT, "paced send of %,d messages of %d bytes at %,d msg/s", count, size,
                bounds.ratePerSecond()), request);
    }

    /**
     * Request/reply (docs/protocol.md#send_many, {@code reply_channel}): each message waits for its
     * acknowledgement on the reply channel before the next is sent. {@code timeout_ms} bounds each
     * wait, so a receiver that never acknowledges ends the batch rather than hangs it.
     */
    @When("{participant} sends {int} requests of {int} bytes, each awaiting its acknowledgement")
    public void sendRequests(String name, int requests, int size) {
        Participant sender = world.participant(name);
        ObjectNode request = world.request("send_many").put("channel", "main").put("first_seq", 1).put("count", requests)
                .put("size", size).put("reply_channel", "reply").put("sample_every", Math.max(1, requests / BulkSteps.SAMPLES))
                .put("timeout_ms", ACK_TIMEOUT.toMillis());
        world.call(sender, String.format(Locale.ROOT, "request/reply of %,d messages of %d bytes", requests, size), request);
    }

    /** The other half ({@code ack_channel} of docs/protocol.md#receive_many): each message collected is acknowledged. */
    @When("{participant} receives and acknowledges {int} messages")
    public void receiveAndAcknowledge(String name, int count) {
        Participant receiver = world.participant(name);
        ObjectNode request = world.request("receive_many").put("channel", "main").put("count", count).put("ack_channel", "reply")
                .put("timeout_ms", BulkSteps.RECEIVE_MANY_TIMEOUT.toMillis()).put("sample_every", Math.max(1, count / BulkSteps.SAMPLES));
        world.call(receiver, String.format(Locale.ROOT, "receive and acknowledgement of %,d messages", count), request);
    }

    /** Judged by LATENCY from the history (the sender's last request/reply batch); figures and chart attached. */
    @Then("the request-reply latency of {int}-byte messages meets the profile")
    public void requestReplyMeetsProfile(int size) {
        LatencyBounds bounds = bounds(size, Threshold::requestReply, "request_reply");
        JsonNode sender = lastReply("sender");
        if (!sender.has("round_trip_ns") || !lastReply("receiver").has("acknowledged")) {
            // unknown fields are ignored (docs/protocol.md#ops): an endpoint that did not know
            // reply_channel or ack_channel ran an ordinary batch and says nothing of round trips
            throw new TestAbortedException("unsupported: the endpoint answered a request/reply batch without "
                    + (sender.has("round_trip_ns") ? "acknowledged" : "round_trip_ns") + " (docs/protocol.md#send_many, reply_channel)");
        }
        judge(size, sender.path("round_trip_ns"), bounds, String.format(Locale.ROOT, "Round trip of a request and its acknowledgement (%s, %d B)",
                world.channel().transport(), size));
    }

    @When("{participant} receives them")
    public void receiveThem(String name) {
        bulk.receiveMany(name, count);
    }

    @Then("they all arrive in order, intact and exactly once")
    public void allArrive() {
        bulk.allArrive(count);
    }

    /** Judged by LATENCY from the history (the last paced run); the figures and the percentile chart are attached. */
    @Then("the one-way latency of {int}-byte messages at the profile's offered rate meets the profile")
    public void oneWayMeetsProfile(int size) {
        LatencyBounds bounds = bounds(size, Threshold::latency, "latency");
        JsonNode latency = lastReply("receiver").path("latency_ns");
        judge(size, latency, bounds, String.format(Locale.ROOT, "One-way latency at %,d msg/s (%s, %d B)", bounds.ratePerSecond(),
                world.channel().transport(), size));
    }

    /** Judged by LATENCY from the history (the sender's last synchronous send_many); figures and chart attached. */
    @Then("the round-trip latency of {int}-byte messages meets the profile")
    public void roundTripMeetsProfile(int size) {
        LatencyBounds bounds = bounds(size, Threshold::roundTrip, "round_trip");
        JsonNode sendNs = lastReply("sender").path("send_ns");
        judge(size, sendNs, bounds, String.format(Locale.ROOT, "Round trip of a synchronous send (%s, %d B)",
                world.channel().transport(), size));
    }

    private void judge(int size, JsonNode percentiles, LatencyBounds bounds, String title) {
        String transport = world.channel().transport();
        ScenarioFacts facts = ScenarioFacts.builder().transport(transport).messageSize(size).build();
        List<Verdict> verdicts = Checkers.check(List.of(Rule.LATENCY), world.history(), facts, world.bounds());
        Figures.attach(transport, size, verdicts, percentiles);
        FigureLog.record(world.location(), verdicts.stream().flatMap(v -> v.figures().stream()).toList());
        Figures.attachPercentileDistribution(title, transport + ", " + size + " B", percentiles, bounds);
        verdicts.forEach(Violations::require);
    }

    private LatencyBounds bounds(int size, java.util.function.Function<Threshold, LatencyBounds> which, String key) {
        String transport = world.channel().transport();
        return world.bounds().threshold(transport, size).map(which).orElseThrow(() -> new TestAbortedException(
                "unsupported: the profile states no thresholds." + transport + "." + size + "." + key + " bounds"));
    }

    private JsonNode lastReply(String name) {
        List<ObjectNode> replies = world.participant(name).judgedReplies();
        return replies.isEmpty() ? world.request("none") : replies.get(replies.size() - 1);
    }
}
