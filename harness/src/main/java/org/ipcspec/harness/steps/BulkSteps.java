package org.ipcspec.harness.steps;

import static org.ipcspec.harness.steps.Violations.require;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.awaitility.core.ConditionTimeoutException;

import java.util.concurrent.CompletableFuture;
import org.ipcspec.harness.check.Checkers;
import org.ipcspec.harness.check.FigureLog;
import org.ipcspec.harness.check.ScenarioFacts;
import org.ipcspec.harness.check.SeqDigest;
import org.ipcspec.harness.check.Verdict;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.Mode;
import org.ipcspec.harness.scenario.Call;
import org.ipcspec.harness.scenario.Participant;
import org.ipcspec.harness.scenario.ScenarioWorld;
import org.ipcspec.harness.spec.Rule;

/** Many messages at once (send_many / receive_many): ordering runs, several senders, throughput, crashes mid-run. */
public final class BulkSteps {

    /** A bulk run may take long on a loaded machine; it is still bounded, so a hang fails. */
    static final Duration BULK_BOUND = Duration.ofMinutes(3);
    /**
     * What the endpoints are told: a receive_many short of messages ends "timeout" well before the
     * harness gives up on its reply (so the loss is judged, O2, rather than a hang), and a
     * send_many whose receiver stopped collecting ends "full" rather than retrying for ever.
     */
    static final Duration RECEIVE_MANY_TIMEOUT = BULK_BOUND.minusSeconds(45);
    static final Duration SEND_FULL_TIMEOUT = Duration.ofSeconds(60);
    /** Events for about this many messages of a batch, enough for the timeline. */
    static final int SAMPLES = 50;

    private final ScenarioWorld world;
    private final Obligations obligations;
    private ObjectNode firstCollected;

    public BulkSteps(ScenarioWorld world) {
        this.world = world;
        this.obligations = new Obligations(world);
    }

    @When("{participant} sends {int} messages")
    public void sendMany(String name, int count) {
        sendMany(name, count, CallSteps.DEFAULT_SIZE);
    }

    @When("{participant} sends {int} messages of {int} bytes")
    public void sendMany(String name, int count, int size) {
        Participant sender = world.participant(name);
        ObjectNode request = world.request("send_many").put("channel", "main").put("first_seq", 1).put("count", count)
                .put("size", size).put("sample_every", Math.max(1, count / SAMPLES)).put("timeout_ms", SEND_FULL_TIMEOUT.toMillis());
        world.call(sender, "send of " + count + " messages of " + size + " bytes", request);
    }

    @When("{participant} starts sending {int} messages of {int} bytes")
    public void startSending(String name, int count, int size) {
        sendMany(name, count, size);
    }

    @When("each sender sends {int} messages")
    public void eachSends(int count) {
        for (Participant participant : senders()) {
            sendMany(participant.name(), count, CallSteps.DEFAULT_SIZE);
        }
    }

    @When("{participant} receives {int} messages")
    public void receiveMany(String name, int count) {
        Participant receiver = world.participant(name);
        ObjectNode request = world.request("receive_many").put("channel", "main").put("count", count)
                .put("timeout_ms", RECEIVE_MANY_TIMEOUT.toMillis()).put("sample_every", Math.max(1, count / SAMPLES));
        world.call(receiver, "receive of " + count + " messages", request);
    }

    @Then("all {int} messages arrive in order, intact and exactly once")
    public void allArrive(int count) {
        awaitBatches(received -> requireSenderDigest(received, world.participant("sender").senderId(), count));
    }

    @Then("all {int} messages arrive in order per sender, intact and exactly once")
    public void allArrivePerSender(int total) {
        List<Participant> senders = senders();
        awaitBatches(received -> {
            for (Participant sender : senders) {
                requireSenderDigest(received, sender.senderId(), total / senders.size());
            }
        });
    }

    @When("{participant} is killed once the receiver can collect a message")
    public void killOnceCollectable(String name) {
        Participant receiver = world.participant("receiver");
        try {
            CallSteps.awaitPolling(world.crashBound(), "a first message for the receiver", () -> {
                firstCollected = obligations.await(receiver, world.call(receiver, "receive", world.request("receive").put("channel", "main")));
                return firstCollected.path("status").asText().equals("message");
            });
        } catch (ConditionTimeoutException e) {
            throw Violations.violated(Rule.O2, "the sender was sending, yet the receiver polled for " + world.crashBound().toMillis()
                    + " ms (the crash bound) and no message came");
        }
        world.kill(world.participant(name));
    }

    /** After a sender died mid-run: everything left is a gap-free continuation, each message intact (no torn record). */
    @Then("every message the receiver collects is intact and in order")
    public void everyCollectedIntact() {
        Participant receiver = world.participant("receiver");
        long expected = firstCollected.path("seq").asLong() + 1;
        require(firstCollected.path("intact").asBoolean(false), Rule.K1, "message " + firstCollected.path("seq") + " was torn (intact=false)");
        long collected = 1;
        long deadline = System.nanoTime() + BULK_BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            ObjectNode reply = obligations.await(receiver, world.call(receiver, "receive", world.request("receive").put("channel", "main")));
            String status = reply.path("status").asText();
            if (!status.equals("message")) {
                require(status.equals("empty") || status.equals("closed"), Rule.K1, "after the sender died, a receive returned " + reply);
                break;
            }
            require(reply.path("intact").asBoolean(false), Rule.K1, "after the sender died mid-send, message " + reply.path("seq")
                    + " was collected torn (intact=false)");
            require(reply.path("seq").asLong() == expected, Rule.O1, "after message " + (expected - 1) + " came message "
                    + reply.path("seq") + ", expected " + expected);
            expected++;
            collected++;
        }
        require(collected >= 1, Rule.K1, "nothing was collected");
    }

    /**
     * Judged by the THROUGHPUT checker from the history; the step shows its figures at once. A
     * saturating run's latency is its queue, so it is shown, not judged (LatencySteps judges it at
     * an offered rate).
     */
    @Then("the throughput of {int}-byte messages meets the profile")
    public void throughputMeetsProfile(int size) {
        String transport = world.channel().transport();
        ScenarioFacts facts = ScenarioFacts.builder().transport(transport).messageSize(size).build();
        List<Verdict> verdicts = Checkers.check(List.of(Rule.THROUGHPUT), world.history(), facts, world.bounds());
        JsonNode latency = lastBatch(world.participant("receiver")).path("latency_ns");
        Figures.attach(transport, size, verdicts, latency);
        FigureLog.record(world.location(), verdicts.stream().flatMap(v -> v.figures().stream()).toList());
        Figures.attachLatencyChart(transport, size, latency, null);
        Violations.requireAll(verdicts);
    }

    private List<Participant> senders() {
        List<Participant> senders = new ArrayList<>();
        for (Participant participant : world.participants()) {
            if (participant.name().startsWith("sender")) {
                senders.add(participant);
            }
        }
        return senders;
    }

    /**
     * Waits for every batch under way, and judges them: each sender's ended ok, and the receiver's
     * ended ok, intact, and passes {@code judgeReceived} (its digests). A run that cannot complete
     * ends early (docs/protocol.md#outcomes): once one side has finished and the other has written
     * nothing for the stall bound, the finished side is judged and the stalled one breaks its rule:
     * a receiver still collecting after every sender ended lost messages (O2); a sender still
     * sending after its receiver collected everything should have returned (S1, S2).
     */
    private void awaitBatches(Consumer<ObjectNode> judgeReceived) {
        List<Participant> senders = senders();
        Participant receiver = world.participant("receiver");
        Map<Participant, Call> calls = new LinkedHashMap<>();
        for (Participant p : senders) {
            calls.put(p, p.nextUnjudged().orElseThrow(() -> new IllegalStateException(p.displayName() + " has no batch under way")));
        }
        Call received = receiver.nextUnjudged().orElseThrow(() -> new IllegalStateException("the receiver has no batch under way"));
        long deadline = System.nanoTime() + BULK_BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            for (Participant p : senders) {
                if (unsupported(calls.get(p))) {
                    world.await(p, calls.get(p), BULK_BOUND);   // aborts the scenario as unsupported, at once
                }
            }
            boolean sendersDone = senders.stream().allMatch(p -> calls.get(p).reply().isDone());
            boolean receiverDone = received.reply().isDone();
            boolean unfinishedSilent = senders.stream().filter(p -> !calls.get(p).reply().isDone()).allMatch(this::stalled)
                    && (receiverDone || stalled(receiver));
            if (sendersDone && receiverDone || unfinishedSilent) {
                break;
            }
            CompletableFuture<?>[] running = Stream.concat(calls.values().stream(), Stream.of(received))
                    .map(Call::reply).filter(r -> !r.isDone()).toArray(CompletableFuture[]::new);
            try {
                // wakes when a batch ends, or to look at the other side's silence again
                CompletableFuture.anyOf(running).get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // judged below: still running, or an endpoint died
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Participant sender : senders) {
            if (calls.get(sender).reply().isDone()) {
                requireSent(sender, world.await(sender, calls.get(sender), BULK_BOUND), calls.get(sender));
            }
        }
        Optional<Participant> stuck = senders.stream().filter(p -> !calls.get(p).reply().isDone()).findFirst();
        if (stuck.isPresent() && !received.reply().isDone() && stalled(stuck.get()) && stalled(receiver)) {
            throw neitherMoves(stuck.get(), calls.get(stuck.get()), received);
        }
        if (!received.reply().isDone() && senders.stream().allMatch(p -> calls.get(p).reply().isDone())) {
            throw Violations.violated(Rule.O2, "every sender's batch had ended, and the receiver's " + received.what()
                    + " had not: it wrote nothing for " + silence(receiver) + ", so messages sent ok were never collected");
        }
        ObjectNode batch = world.await(receiver, received, BULK_BOUND);
        require(batch.path("status").asText().equals("ok"), Rule.O2, "the receiver's " + received.what() + " ended "
                + batch.path("status") + " having received " + batch.path("received") + ": " + batch);
        require(batch.path("not_intact").asLong(-1) == 0, Rule.O2, batch.path("not_intact") + " messages arrived torn or corrupted");
        judgeReceived.accept(batch);
        for (Participant sender : senders) {
            if (!calls.get(sender).reply().isDone()) {
                Rule rule = sender.mode() == Mode.SYNC ? Rule.S1 : Rule.S2;
                throw Violations.violated(rule, "the receiver had collected all its messages, and " + sender.displayName() + "'s "
                        + calls.get(sender).what() + " had not ended, nor written anything for " + silence(sender));
            }
        }
    }

    /**
     * Both sides silent for the stall bound: one of them is stuck, and the sampled events say which.
     * A receiver that has collected as far as its sender's last sampled send is waiting for the
     * sender, which should have gone on (S2 for an asynchronous send, S1 for a synchronous one); a
     * receiver behind its sender has messages to collect and does not (O2).
     */
    private AssertionError neitherMoves(Participant sender, Call sending, Call receiving) {
        History history = world.history();
        long sent = lastSampledSeq(history, sender.name(), "send_end");
        long collected = lastSampledSeq(history, "receiver", "recv_end");
        if (collected >= sent) {
            return Violations.violated(sender.mode() == Mode.SYNC ? Rule.S1 : Rule.S2, sender.displayName() + "'s " + sending.what()
                    + " wrote nothing for " + silence(sender) + " while its receiver waited, having collected as far as its last sampled send"
                    + (sent > 0 ? " (seq " + sent + ")" : " (none was sampled)") + ": a send that should have returned did not");
        }
        return Violations.violated(Rule.O2, "the receiver's " + receiving.what() + " wrote nothing for "
                + silence(world.participant("receiver")) + " while "
                + sender.displayName() + " waited, having sent up to seq " + sent + " of which the receiver's last sampled collection was seq "
                + collected + ": messages sent were not collected");
    }

    private static long lastSampledSeq(History history, String participant, String event) {
        return history.of(participant).stream().filter(e -> e.isEvent(event) && e.get("seq") instanceof Number)
                .mapToLong(e -> ((Number) e.get("seq")).longValue()).max().orElse(0);
    }

    /** The call's reply came and is {@code unsupported} (a send_many with a field the endpoint does not offer, e.g. rate). */
    private static boolean unsupported(Call call) {
        if (!call.reply().isDone() || call.reply().isCompletedExceptionally()) {
            return false;
        }
        ObjectNode reply = call.reply().getNow(null);
        return reply != null && !reply.path("ok").asBoolean(true) && "unsupported".equals(reply.path("error").asText());
    }

    /** Silent for longer than its stall bound: half the crash bound over its own pace (ScenarioWorld#stallBound). */
    private boolean stalled(Participant participant) {
        return world.silentFor(participant) > world.stallBound(participant).toNanos();
    }

    /** For a verdict: "4,812 ms (over its stall bound of 2,812 ms: half the crash bound, 2,500 ms, plus its longest gap ...)". */
    private String silence(Participant participant) {
        long bound = world.stallBound(participant).toMillis();
        long half = world.noticeBound().toMillis();
        return String.format("%,d ms (over its stall bound of %,d ms: half the crash bound, %,d ms, plus its longest gap between lines in"
                        + " this call, %,d ms)",
                world.silentFor(participant) / 1_000_000, bound, half, bound - half);
    }

    private static void requireSent(Participant sender, ObjectNode reply, Call call) {
        require(reply.path("status").asText().equals("ok"), sender.mode() == Mode.SYNC ? Rule.S1 : Rule.S2,
                sender.displayName() + "'s " + call.what() + " ended " + reply.path("status") + " after sending "
                        + reply.path("sent") + ": " + reply);
    }

    private void requireSenderDigest(ObjectNode received, int senderId, long count) {
        JsonNode stats = received.path("per_sender").path(Integer.toUnsignedString(senderId));
        require(!stats.isMissingNode(), Rule.O2, "nothing arrived from sender " + senderId + ": per_sender=" + received.path("per_sender"));
        String expected = SeqDigest.ofRange(1, count);
        if (!stats.path("digest").asText().equals(expected)) {
            Rule rule = stats.path("out_of_order").asLong() > 0 ? Rule.O1 : Rule.O2;
            throw Violations.violated(rule, "sender " + senderId + "'s messages 1.." + count + " arrived with digest "
                    + stats.path("digest") + ", expected " + expected + " (received " + stats.path("received") + ", out of order "
                    + stats.path("out_of_order") + ", duplicates " + stats.path("duplicates") + ", first seq "
                    + stats.path("first_seq") + ", last seq " + stats.path("last_seq") + ")");
        }
    }

    private ObjectNode lastBatch(Participant participant) {
        List<ObjectNode> replies = participant.judgedReplies();
        return replies.get(replies.size() - 1);
    }
}
