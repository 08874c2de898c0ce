package org.ipcspec.harness.steps;

import static org.ipcspec.harness.steps.Violations.violated;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ipcspec.harness.history.ChannelEnd;
import org.ipcspec.harness.history.History;
import org.ipcspec.harness.history.MessageKey;
import org.ipcspec.harness.history.Mode;
import org.ipcspec.harness.history.ReceiveCall;
import org.ipcspec.harness.scenario.Call;
import org.ipcspec.harness.scenario.Participant;
import org.ipcspec.harness.scenario.ScenarioWorld;
import org.ipcspec.harness.spec.Rule;

/**
 * Waits for the reply to a send or receive the way the rules bound it, so that a call that never
 * returns breaks the rule that obliged it to return, not the endpoint (docs/protocol.md#outcomes):
 * <ul>
 *   <li>an asynchronous send or receive is back within the non-blocking bound (S2, R2);</li>
 *   <li>a call with {@code timeout_ms} is back soon after it (T1);</li>
 *   <li>a synchronous receive is back once a message was sent {@code ok} to its channel and not
 *       collected (R1);</li>
 *   <li>a synchronous send is back once its message was collected (S1).</li>
 * </ul>
 * Each allows the crash bound on top, the profile's measure of how long a loaded machine may hold
 * a process back; a finer check of the call's own timestamps follows when it does return. A call
 * no rule obliges to return (a synchronous send nobody collects) waits the reply bound and is a
 * broken endpoint if it never answers.
 */
final class Obligations {

    private final ScenarioWorld world;

    Obligations(ScenarioWorld world) {
        this.world = world;
    }

    /**
     * How long an asynchronous send or receive may stay out before it breaks S2/R2: the
     * non-blocking bound plus the notice bound (half the crash bound), as for a stalled bulk run
     * (ScenarioWorld#stallBound). A call that should return in microseconds and has not after
     * seconds is hung, and every scenario of an implementation that hangs pays this wait.
     */
    static Duration asyncBound(ScenarioWorld world) {
        return world.nonBlockingBound().plus(world.noticeBound());
    }

    /** The reply, judged as the participant's next call. */
    ObjectNode await(Participant participant, Call call) {
        awaitObliged(participant, call);
        return world.await(participant, call, world.replyBound());
    }

    /** Waits as long as a rule obliges the call to return, and throws that rule's violation if it has not. */
    void awaitObliged(Participant participant, Call call) {
        Duration slack = world.crashBound();
        Optional<Long> timeoutMs = call.request().has("timeout_ms")
                ? Optional.of(call.request().path("timeout_ms").asLong()) : Optional.empty();
        History history = world.history();
        Optional<ChannelEnd> own = endOf(history, participant, call);
        Mode mode = own.map(ChannelEnd::mode).orElse(participant.mode());
        if (mode == Mode.ASYNC) {
            Duration bound = asyncBound(world);
            awaitOrViolated(call, bound, () -> violated(call.isSend() ? Rule.S2 : Rule.R2, participant.displayName() + "'s "
                    + call.what() + " (async) was still blocked " + bound.toMillis() + " ms after it was asked for; an asynchronous "
                    + (call.isSend() ? "send" : "receive") + " returns within the non-blocking bound of " + world.nonBlockingBound().toMillis() + " ms"));
        } else if (timeoutMs.isPresent()) {
            Duration bound = Duration.ofMillis(timeoutMs.get()).plus(slack);
            awaitOrViolated(call, bound, () -> violated(Rule.T1, participant.displayName() + "'s " + call.what() + " with timeout_ms "
                    + timeoutMs.get() + " was still blocked " + bound.toMillis() + " ms after it was asked for"));
        } else {
            awaitOrViolated(call, slack, () -> own.flatMap(end -> stillBlockedWithCause(participant, call, end)).orElse(null));
        }
    }

    /** R1 or S1, if what the synchronous call waits for has happened; empty when it may rightly still wait. */
    private Optional<AssertionError> stillBlockedWithCause(Participant participant, Call call, ChannelEnd own) {
        History history = world.history();
        if (!call.isSend()) {
            return history.sends().stream()
                    // Sent since this receiver opened: what a dead receiver left may rightly be gone (shm, socket reset).
                    .filter(s -> s.endedWith("ok") && !s.sampled() && own.sameChannel(s.end()) && s.finish().index() > own.request().index()
                            && !collected(history, s.key()))
                    .findFirst()
                    .map(s -> violated(Rule.R1, participant.displayName() + "'s " + call.what() + " (sync) was still blocked "
                            + world.crashBound().toMillis() + " ms after it was asked for, though " + s.key() + " was sent ok to it by "
                            + s.participant() + " at " + history.at(s.endT()) + " and not collected"));
        }
        MessageKey key = call.request().has("text") ? MessageKey.text(call.request().path("text").asText())
                : MessageKey.generated(own.senderId(), call.request().path("seq").asLong(-1));
        Optional<ReceiveCall> collector = history.receives().stream().filter(r -> r.collected() && r.key().equals(key) && own.sameChannel(r.end())).findFirst();
        return collector.map(r -> violated(Rule.S1, participant.displayName() + "'s " + call.what() + " (sync) was still blocked "
                + world.crashBound().toMillis() + " ms after it was asked for, though " + r.participant() + " collected its message at "
                + history.at(r.endT())));
    }

    /** The participant's latest open of the channel handle the call is on. */
    private static Optional<ChannelEnd> endOf(History history, Participant participant, Call call) {
        String handle = call.request().path("channel").asText();
        return history.channelEnds().stream()
                .filter(e -> e.participant().equals(participant.name()) && e.channel().equals(handle)).reduce((a, b) -> b);
    }

    private static boolean collected(History history, MessageKey key) {
        return history.receives().stream().anyMatch(r -> r.collected() && r.key().equals(key));
    }

    /** Waits for a call's reply; if none comes within the bound, the violation given (none when it is null). A dead endpoint is left to the caller. */
    static void awaitOrViolated(Call call, Duration bound, java.util.function.Supplier<AssertionError> violation) {
        try {
            call.reply().get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            AssertionError broken = violation.get();
            if (broken != null) {
                throw broken;
            }
        } catch (ExecutionException e) {
            // the endpoint died: judged by the caller as a broken endpoint
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
