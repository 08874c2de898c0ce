package org.ipcspec.harness.steps;

import static org.ipcspec.harness.steps.Violations.require;
import static org.ipcspec.harness.steps.Violations.violated;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.After;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.awaitility.core.ConditionTimeoutException;

import org.ipcspec.harness.history.Mode;
import org.ipcspec.harness.hostile.HostilePeer;
import org.ipcspec.harness.hostile.HostileWrite;
import org.ipcspec.harness.outcome.SpecError;
import org.ipcspec.harness.process.EndpointBrokenException;
import org.ipcspec.harness.scenario.Call;
import org.ipcspec.harness.scenario.Participant;
import org.ipcspec.harness.scenario.ScenarioWorld;
import org.ipcspec.harness.spec.Rule;

/**
 * Rule H1 (docs/protocol.md#rules): the harness, as a hostile peer, writes into the channel what
 * its wire format forbids, and the receiver must report it as {@code error} or skip it as the
 * format says, never deliver it, never die of it, and go on receiving what comes after. A receiver
 * that delivers the hostile bytes shows a message of sender {@value HostileWrite#SENDER_ID}, seq
 * {@value HostileWrite#SEQ} (or a text, or a torn message), which no sender of the scenario sent.
 */
public final class HostileSteps {

    private final ScenarioWorld world;
    private final Obligations obligations;
    private final HostilePeer peer = new HostilePeer();
    private final List<String> errors = new ArrayList<>();

    public HostileSteps(ScenarioWorld world) {
        this.world = world;
        this.obligations = new Obligations(world);
    }

    @ParameterType("a ring record with a bad length|a ring record with a bad type|a ring record with a bad sender slot"
            + "|a frame over the length limit|a truncated message file|a garbage message file|a message file with a bad checksum")
    public HostileWrite hostileWrite(String words) {
        return HostileWrite.of(words);
    }

    @When("a hostile peer writes {hostileWrite} into the channel")
    public void write(HostileWrite what) {
        String transport = world.channel().transport();
        if (!what.transport().equals(transport)) {
            throw new SpecError(world.location() + ": " + what.words() + " breaks the " + what.transport()
                    + " wire format, but the scenario's channel is " + transport);
        }
        if (world.profile().wireFormat(transport).isEmpty()) {
            throw new org.opentest4j.TestAbortedException("unsupported: " + world.profile().name() + " declares no wire format for "
                    + transport + " (wire: in its profile), so nothing is forbidden to write into its channel");
        }
        String said = peer.write(what, transport, java.nio.file.Path.of(world.address("main")), world.channel().contentType());
        ReportEnricher.attach("hostile write", "text/plain", said, ".txt");
    }

    @Then("{participant} collects messages {int} to {int} and nothing the hostile peer wrote")
    public void collectsPastHostile(String name, long first, long last) {
        Participant receiver = world.participant(name);
        // One error per hostile write is what the format allows; more means the receiver is stuck on it.
        int allowedErrors = peer.written().size() + 1;
        long expected = first;
        while (expected <= last) {
            ObjectNode reply = collectOne(receiver, expected);
            String status = reply == null ? "nothing" : reply.path("status").asText("?");
            if (status.equals("error")) {
                errors.add(reply.path("message").asText(""));
                require(errors.size() <= allowedErrors, Rule.H1, receiver.displayName() + " answered \"error\" " + errors.size()
                        + " times after " + peer.written().size() + " hostile write(s), instead of reading on to message "
                        + expected + "; the last: " + reply.path("message").asText(""));
                continue;
            }
            if (!status.equals("message")) {
                throw violated(Rule.H1, receiver.displayName() + " found no message " + expected + " after the hostile peer wrote "
                        + peer.written() + ": its receive returned " + CallSteps.describe(reply));
            }
            boolean hostile = reply.path("sender_id").asLong(-1) == HostileWrite.SENDER_ID || reply.path("seq").asLong(-1) == HostileWrite.SEQ
                    || reply.has("text") || !reply.path("intact").asBoolean(false);
            if (hostile) {
                throw violated(Rule.H1, receiver.displayName() + " delivered what the hostile peer wrote as a message: " + reply
                        + "; the peer wrote " + peer.written());
            }
            require(reply.path("seq").asLong(-1) == expected, Rule.H1, receiver.displayName() + " returned message " + reply.path("seq")
                    + " where message " + expected + " was next, after the hostile peer wrote " + peer.written());
            expected++;
        }
    }

    /**
     * The receive that meets the hostile bytes ends "error" (the shm format's rule). Asked before the
     * sender sends again: a reader that cannot trust a record's length skips to the published tail,
     * dropping whatever was published after the bad record, as the format says.
     */
    @Then("{participant} receives \"error\" for what the hostile peer wrote")
    public void receivesError(String name) {
        Participant receiver = world.participant(name);
        ObjectNode reply = collectOne(receiver, -1);
        String status = reply == null ? "nothing" : reply.path("status").asText("?");
        if (status.equals("message")) {
            throw violated(Rule.H1, receiver.displayName() + " delivered what the hostile peer wrote as a message: " + reply
                    + "; the peer wrote " + peer.written());
        }
        require(status.equals("error"), Rule.H1, receiver.displayName() + "'s receive returned " + CallSteps.describe(reply)
                + " after the hostile peer wrote " + peer.written() + "; its wire format says the receive that meets it ends with status error");
        errors.add(reply.path("message").asText(""));
        ReportEnricher.attach("error reported for the hostile write", "text/plain", reply.path("message").asText(""), ".txt");
    }

    /** The next reply that is not "empty": a synchronous receive with a timeout, or asynchronous ones polled. */
    private ObjectNode collectOne(Participant receiver, long expected) {
        try {
            if (receiver.mode() == Mode.SYNC) {
                return obligations.await(receiver, receive(receiver, (int) world.crashBound().toMillis()));
            }
            ObjectNode[] last = new ObjectNode[1];
            try {
                CallSteps.awaitPolling(world.crashBound(), (expected < 0 ? "a reply" : "message " + expected) + " for " + receiver.displayName(), () -> {
                    last[0] = obligations.await(receiver, receive(receiver, null));
                    return !last[0].path("status").asText().equals("empty");
                });
            } catch (ConditionTimeoutException e) {
                // judged by the caller from the last reply ("empty")
            }
            return last[0];
        } catch (EndpointBrokenException e) {
            // Not a broken run: dying of what a peer wrote into the channel is what H1 forbids.
            throw violated(Rule.H1, receiver.displayName() + " broke after the hostile peer wrote " + peer.written() + ": " + e.getMessage());
        }
    }

    private Call receive(Participant receiver, Integer timeoutMs) {
        ObjectNode request = world.request("receive").put("channel", "main");
        if (timeoutMs != null) {
            request.put("timeout_ms", timeoutMs);
        }
        return world.call(receiver, "receive", request);
    }

    @After
    public void closePeer() {
        peer.close();
    }
}
