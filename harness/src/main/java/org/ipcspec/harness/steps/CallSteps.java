package org.ipcspec.harness.steps;

import static org.ipcspec.harness.steps.Violations.require;
import static org.ipcspec.harness.steps.Violations.violated;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import org.ipcspec.harness.history.Entry;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.Mode;
import org.ipcspec.harness.scenario.Call;
import org.ipcspec.harness.scenario.Participant;
import org.ipcspec.harness.scenario.ScenarioWorld;
import org.ipcspec.harness.spec.Rule;

/**
 * Single sends and receives: starting them, and judging how they ended. A step that starts a call
 * does not wait for it (a synchronous call may block the endpoint); a later Then step judges it.
 */
public final class CallSteps {

    static final int DEFAULT_SIZE = 64;

    private final ScenarioWorld world;
    private final Obligations obligations;
    private final List<String> lastStatuses = new ArrayList<>();
    /** The mode of the sender of the last series ({@code sends messages A to B}). */
    private Mode seriesMode = Mode.UNKNOWN;

    public CallSteps(ScenarioWorld world) {
        this.world = world;
        this.obligations = new Obligations(world);
    }

    // ---- starting calls -------------------------------------------------------------------

    @When("{participant} sends message {int}")
    public void send(String name, long seq) {
        send(name, "main", seq, DEFAULT_SIZE, null);
    }

    @When("{participant} sends message {int} of {int} bytes")
    public void sendOfSize(String name, long seq, int size) {
        send(name, "main", seq, size, null);
    }

    @When("{participant} sends message {int} with a timeout of {int} ms")
    public void sendWithTimeout(String name, long seq, int timeoutMs) {
        send(name, "main", seq, DEFAULT_SIZE, timeoutMs);
    }

    @When("{participant} sends the text {string}")
    public void sendText(String name, String text) {
        Participant sender = world.participant(name);
        world.call(sender, "send of the text \"" + text + "\"",
                world.request("send").put("channel", "main").put("seq", 1).put("text", text));
    }

    @When("{participant} sends messages {int} to {int}")
    public void sendRange(String name, long first, long last) {
        Participant sender = world.participant(name);
        lastStatuses.clear();
        seriesMode = sender.mode();
        for (long seq = first; seq <= last; seq++) {
            Call call = send(name, "main", seq, DEFAULT_SIZE, null);
            lastStatuses.add(obligations.await(sender, call).path("status").asText("?"));
        }
    }

    @When("{participant} acknowledges message {int}")
    public void acknowledge(String name, long seq) {
        send(name, "reply", seq, DEFAULT_SIZE, null);
    }

    @When("{participant} receives")
    public void receive(String name) {
        receive(name, "main", null);
    }

    @When("{participant} receives with a timeout of {int} ms")
    public void receiveWithTimeout(String name, int timeoutMs) {
        receive(name, "main", timeoutMs);
    }

    @When("{participant} reads an acknowledgement")
    public void readAcknowledgement(String name) {
        receive(name, "reply", null);
    }

    /** An asynchronous receiver polls (each poll a receive call) until a message comes; a synchronous one receives once. */
    @When("{participant} receives until a message comes")
    public void receiveUntilMessage(String name) {
        Participant receiver = world.participant(name);
        if (receiver.mode() == Mode.SYNC) {
            receive(name, "main", null);
            return;
        }
        try {
            awaitPolling(world.crashBound(), "a message for " + receiver.displayName(),
                    () -> obligations.await(receiver, receive(name, "main", null)).path("status").asText().equals("message"));
        } catch (ConditionTimeoutException e) {
            throw violated(Rule.O2, receiver.displayName() + " polled for " + world.crashBound().toMillis()
                    + " ms (the crash bound) and no message came");
        }
    }

    @When("{participant} is killed")
    public void kill(String name) {
        world.kill(world.participant(name));
    }

    // ---- judging them ---------------------------------------------------------------------

    @Then("{participant} stays blocked")
    public void staysBlocked(String name) {
        Participant participant = world.participant(name);
        Call call = participant.nextUnjudged().orElseThrow(() -> new IllegalStateException(participant.displayName() + " has no call under way"));
        Rule rule = call.isSend() ? Rule.S1 : Rule.R1;
        Duration bound = world.blockedBound();
        try {
            Awaitility.await(participant.displayName() + "'s " + call.what() + " stays blocked")
                    .during(bound).atMost(bound.plusSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .failFast("it returned", () -> call.reply().isDone())
                    .until(() -> !call.reply().isDone());
        } catch (TerminalFailureException e) {
            ObjectNode reply = call.reply().getNow(null);
            throw violated(rule, participant.displayName() + "'s " + call.what() + " (" + participant.mode()
                    + ") returned " + describe(reply) + " after " + History.ms(callDuration(participant, call))
                    + ", within the blocking bound of " + bound.toMillis() + " ms, while nothing it waits for had happened");
        }
    }

    @Then("{participant} returns {string}")
    public void returns(String name, String status) {
        judge(name, status);
    }

    /**
     * K1. A call still blocked after the crash bound breaks the rule: it is judged here, rather than
     * by the reply wait, which would call a reply that never comes a broken endpoint.
     */
    @Then("{participant} returns {string} within the crash bound")
    public void returnsWithinCrashBound(String name, String status) {
        Participant participant = world.participant(name);
        Call call = participant.nextUnjudged().orElseThrow(() -> new IllegalStateException(participant.displayName() + " has no call under way"));
        Duration bound = world.crashBound().plus(world.nonBlockingBound());
        Obligations.awaitOrViolated(call, bound, () -> violated(Rule.K1, participant.displayName() + "'s " + call.what() + " ("
                + participant.mode() + ") was still blocked " + bound.toMillis() + " ms after the receiver was killed, beyond the crash bound of "
                + world.crashBound().toMillis() + " ms; expected \"" + status + "\""));
        judge(name, status);
    }

    @Then("{participant}'s acknowledgement returns {string}")
    public void acknowledgementReturns(String name, String status) {
        judge(name, status);
    }

    @Then("{participant} returns {string} at once")
    public void returnsAtOnce(String name, String status) {
        Participant participant = world.participant(name);
        Call call = participant.nextUnjudged().orElseThrow(() -> new IllegalStateException(participant.displayName() + " has no call under way"));
        Rule rule = call.isSend() ? Rule.S2 : Rule.R2;
        Duration bound = Obligations.asyncBound(world);
        Obligations.awaitOrViolated(call, bound, () -> violated(rule, participant.displayName() + "'s " + call.what() + " ("
                + participant.mode() + ") was still blocked " + bound.toMillis() + " ms after it was asked for, expected \""
                + status + "\" within the non-blocking bound of " + world.bounds().nonBlockingMs() + " ms"));
        judge(name, status);
        long took = callDuration(participant, call);
        require(took <= world.bounds().nonBlockingNanos(), rule, participant.displayName() + "'s " + call.what() + " ("
                + participant.mode() + ") took " + History.ms(took) + ", over the non-blocking bound of "
                + world.bounds().nonBlockingMs() + " ms");
        // The endpoint's own times can be made up inside the harness's window (C1 cannot see it);
        // the window itself cannot. It also holds the pipes' latency, so it gets the bound once more.
        long window = harnessWindow(participant, call);
        require(window <= 2 * world.bounds().nonBlockingNanos(), rule, participant.displayName() + "'s " + call.what() + " ("
                + participant.mode() + ") was answered " + History.ms(window) + " after the harness asked for it (its own "
                + "timestamps say " + History.ms(took) + "), over twice the non-blocking bound of " + world.bounds().nonBlockingMs() + " ms");
    }

    /**
     * From the harness writing the call's request (or resuming the process, if the harness itself
     * had paused it since) to reading its reply, on the harness's clock.
     */
    private long harnessWindow(Participant participant, Call call) {
        List<Entry> lines = world.history().of(participant.name());
        long start = lines.stream().filter(e -> e.kind() == Entry.Kind.RESUMED).mapToLong(Entry::time)
                .filter(t -> t > call.sentNanos()).max().orElse(call.sentNanos());
        return lines.stream()
                .filter(e -> e.isReply() && e.id() != null && e.id() == call.id())
                .mapToLong(e -> e.arrival() - start).findFirst().orElse(0);
    }

    @Then("every one of them returned {string}")
    public void everyReturned(String status) {
        Rule rule = ruleFor(true, status, seriesMode);
        for (int i = 0; i < lastStatuses.size(); i++) {
            require(lastStatuses.get(i).equals(status), rule, "send number " + (i + 1) + " of the series returned \""
                    + lastStatuses.get(i) + "\", expected \"" + status + "\" (all: " + lastStatuses + ")");
        }
    }

    @Then("{participant} returns message {int}")
    public void returnsMessage(String name, long seq) {
        requireMessage(name, seq, messageOf(name, "message " + seq));
    }

    @Then("{participant}'s acknowledgement is for message {int}")
    public void acknowledgementFor(String name, long seq) {
        requireMessage(name, seq, messageOf(name, "the acknowledgement of message " + seq));
    }

    @Then("{participant} returns the text {string} as {string}")
    public void returnsText(String name, String text, String contentType) {
        ObjectNode reply = messageOf(name, "the text \"" + text + "\"");
        require(reply.path("status").asText().equals("message"), Rule.O2, name + " returned " + describe(reply) + ", expected a message");
        require(reply.path("text").asText("").equals(text), Rule.O2, name + " returned the text " + reply.path("text") + ", expected \"" + text + "\"");
        require(reply.path("content_type").asText("").equals(contentType), Rule.F1,
                name + " returned content type " + reply.path("content_type") + ", expected \"" + contentType + "\"");
    }

    @Then("{participant} collects messages {int} to {int} in order")
    public void collectsInOrder(String name, long first, long last) {
        // After a crash, what a receiver collects is the file transport's durability (D1), if the
        // scenario is about it; otherwise exactly-once delivery (O2).
        Rule rule = world.ruleFor("the collection of messages " + first + " to " + last,
                world.history().marks(Entry.Kind.KILLED).isEmpty() ? List.of(Rule.O2) : List.of(Rule.D1, Rule.O2));
        for (long seq = first; seq <= last; seq++) {
            ObjectNode reply = collectOne(name);
            require(reply.path("status").asText().equals("message"), rule, world.participant(name).displayName()
                    + " found no message " + seq + " (of " + first + " to " + last + "): its receive returned " + describe(reply));
            requireMessage(name, seq, reply);
        }
    }

    @Then("{participant} collects {int} messages")
    public void collects(String name, int count) {
        for (int i = 1; i <= count; i++) {
            ObjectNode reply = collectOne(name);
            require(reply.path("status").asText().equals("message"), Rule.O2, world.participant(name).displayName()
                    + " found only " + (i - 1) + " of " + count + " messages: its receive returned " + describe(reply));
            require(reply.path("intact").asBoolean(false), Rule.O2, "message " + reply.path("seq") + " was not intact");
        }
    }

    @Then("{participant}'s open returns {string}")
    public void openReturns(String name, String status) {
        ObjectNode reply = judgeNext(world.participant(name), world.replyBound());
        Participant participant = world.participant(name);
        // busy is X1's word; otherwise whether an open succeeds is about one receiver per channel
        // (X1) or agreed formats (F1), as the scenario's tags say: a receiver's open first asks X1.
        Rule rule = status.equals("busy") ? Rule.X1 : world.ruleFor(participant.displayName() + "'s open",
                name.contains("receiver") ? List.of(Rule.X1, Rule.F1) : List.of(Rule.F1, Rule.X1));
        require(reply.path("ok").asBoolean(false) && reply.path("status").asText().equals(status), rule,
                world.participant(name).displayName() + "'s open returned " + describe(reply) + ", expected \"" + status + "\"");
    }

    @Then("{participant}'s open does not return {string}")
    public void openDoesNotReturn(String name, String status) {
        ObjectNode reply = judgeNext(world.participant(name), world.replyBound());
        require(!reply.path("status").asText("").equals(status), Rule.P1,
                world.participant(name).displayName() + "'s open returned \"" + status + "\": " + reply);
    }

    @Then("{participant}'s request is refused as {string}")
    public void refusedAs(String name, String error) {
        ObjectNode reply = judgeNext(world.participant(name), world.replyBound());
        require(!reply.path("ok").asBoolean(true) && reply.path("error").asText("").equals(error), Rule.PROTOCOL,
                world.participant(name).displayName() + " answered " + reply + ", expected ok:false with error \"" + error + "\"");
    }

    // ---- helpers ---------------------------------------------------------------------------

    Call send(String name, String handle, long seq, int size, Integer timeoutMs) {
        Participant sender = world.participant(name);
        ObjectNode request = world.request("send").put("channel", handle).put("seq", seq).put("size", size);
        if (timeoutMs != null) {
            request.put("timeout_ms", timeoutMs);
        }
        return world.call(sender, "send of message " + seq + (handle.equals("main") ? "" : " on the " + handle + " channel"), request);
    }

    Call receive(String name, String handle, Integer timeoutMs) {
        Participant receiver = world.participant(name);
        ObjectNode request = world.request("receive").put("channel", handle);
        if (timeoutMs != null) {
            request.put("timeout_ms", timeoutMs);
        }
        return world.call(receiver, "receive" + (handle.equals("main") ? "" : " on the " + handle + " channel"), request);
    }

    /** One message, however the receiver receives: a synchronous receive, or polling asynchronous ones. */
    private ObjectNode collectOne(String name) {
        Participant receiver = world.participant(name);
        if (receiver.mode() == Mode.SYNC) {
            return obligations.await(receiver, receive(name, "main", (int) world.crashBound().toMillis()));
        }
        ObjectNode[] last = new ObjectNode[1];
        try {
            awaitPolling(world.crashBound(), "a message for " + receiver.displayName(), () -> {
                last[0] = obligations.await(receiver, receive(name, "main", null));
                return !last[0].path("status").asText().equals("empty");
            });
        } catch (ConditionTimeoutException e) {
            // judged by the caller from the last reply ("empty")
        }
        return last[0];
    }

    private ObjectNode judge(String name, String status) {
        Participant participant = world.participant(name);
        Call call = participant.nextUnjudged().orElseThrow(() -> new IllegalStateException(participant.displayName() + " has no call under way"));
        ObjectNode reply = obligations.await(participant, call);
        require(reply.path("status").asText("").equals(status), ruleFor(call.isSend(), status, participant.mode()),
                participant.displayName() + "'s " + call.what() + " (" + participant.mode() + ") returned " + describe(reply)
                        + ", expected \"" + status + "\"");
        return reply;
    }

    private ObjectNode judgeNext(Participant participant, Duration bound) {
        Call call = participant.nextUnjudged().orElseThrow(() -> new IllegalStateException(participant.displayName() + " has no call under way"));
        return world.await(participant, call, bound);
    }

    /**
     * The reply of a receive expected to return a message. A synchronous receive may rightly wait
     * while no message exists, so one that has not returned after the reply bound means the
     * message never came (O2), not a hung endpoint; an endpoint that died is still broken.
     */
    private ObjectNode messageOf(String name, String expected) {
        Participant participant = world.participant(name);
        participant.nextUnjudged().ifPresent(call -> {
            obligations.awaitObliged(participant, call);
            Obligations.awaitOrViolated(call, world.replyBound(), () -> violated(Rule.O2,
                    participant.displayName() + "'s " + call.what() + " found no message within " + world.replyBound().toMillis()
                            + " ms; expected " + expected));
        });
        return resultOf(name);
    }

    /** The reply to judge: the oldest call not judged yet, else the last reply judged (after polling). */
    private ObjectNode resultOf(String name) {
        Participant participant = world.participant(name);
        if (participant.nextUnjudged().isPresent()) {
            return obligations.await(participant, participant.nextUnjudged().get());
        }
        List<ObjectNode> judged = participant.judgedReplies();
        return judged.get(judged.size() - 1);
    }

    private void requireMessage(String name, long seq, ObjectNode reply) {
        String who = world.participant(name).displayName();
        require(reply.path("status").asText().equals("message"), world.participant(name).mode() == Mode.SYNC ? Rule.R1 : Rule.O2,
                who + " returned " + describe(reply) + ", expected message " + seq);
        long got = reply.path("seq").asLong(-1);
        boolean again = !world.participant(name).firstDelivery(reply.path("sender_id").asLong(-1), got);
        require(!again, Rule.O2, who + " returned message " + got + " a second time (expected message " + seq + ")");
        require(got == seq, Rule.O1, who + " returned message " + got + ", expected message " + seq);
        require(reply.path("intact").asBoolean(false), Rule.O2, who + " returned message " + seq + " torn or corrupted (intact=false)");
    }

    /** The rule a call's expected status speaks for: timeout is T1, full S2, ...; ok and message by op and mode. */
    private static Rule ruleFor(boolean send, String expected, Mode mode) {
        return switch (expected) {
            case "timeout" -> Rule.T1;
            case "closed" -> Rule.K1;
            case "too_large", "format_mismatch" -> Rule.F1;
            case "full" -> Rule.S2;
            case "empty" -> Rule.R2;
            default -> send ? (mode == Mode.SYNC ? Rule.S1 : Rule.S2) : Rule.R1;
        };
    }

    /**
     * How long the call ran, from the endpoint's own begin and end events; else as the harness saw
     * it. Request ids are per process, so the call is looked for among its own participant's.
     */
    private long callDuration(Participant participant, Call call) {
        History history = world.history();
        Optional<Long> fromEvents = history.sends().stream()
                .filter(s -> s.participant().equals(participant.name()) && s.request() != null && s.request().id() != null
                        && s.request().id() == call.id() && s.ended())
                .map(s -> s.endT() - s.beginT()).findFirst();
        if (fromEvents.isEmpty()) {
            fromEvents = history.receives().stream()
                    .filter(r -> r.participant().equals(participant.name()) && r.request() != null && r.request().id() != null
                            && r.request().id() == call.id() && r.ended())
                    .map(r -> r.endT() - r.beginT()).findFirst();
        }
        return fromEvents.orElseGet(() -> System.nanoTime() - call.sentNanos());
    }

    static String describe(ObjectNode reply) {
        if (reply == null) {
            return "nothing";
        }
        if (!reply.path("ok").asBoolean(false)) {
            return "an error " + reply.path("error") + " (" + reply.path("message").asText("") + ")";
        }
        String status = reply.path("status").asText("?");
        return reply.has("seq") ? "\"" + status + "\" (message " + reply.path("seq") + ")" : "\"" + status + "\"";
    }

    static void awaitPolling(Duration atMost, String what, java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await(what).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .pollInSameThread().until(condition);
    }
}
