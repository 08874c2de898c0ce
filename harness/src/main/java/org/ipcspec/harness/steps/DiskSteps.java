package org.ipcspec.harness.steps;

import static org.ipcspec.harness.steps.Violations.require;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import org.ipcspec.harness.outcome.SpecError;
import org.ipcspec.harness.scenario.ChannelSettings;
import org.ipcspec.harness.scenario.Participant;
import org.ipcspec.harness.scenario.ScenarioWorld;
import org.ipcspec.harness.spec.Rule;

/**
 * A full disk (docs/protocol.md#send, status error): the channel's folder on a small file system of
 * its own, filled by the sender's own messages. A send that cannot store its message returns
 * {@code error} with a message and leaves nothing in the channel; every send before it that
 * returned {@code ok} is collected; once the receiver has collected them the space is free again
 * and the refused message goes through. A lie in either direction is O2: an {@code ok} whose message
 * is not collected, or a refusal whose message is.
 */
public final class DiskSteps {

    private final ScenarioWorld world;
    private final CallSteps calls;
    private final Obligations obligations;
    /** How many sends returned ok before the refusal, and the refused one's seq and reply. */
    private long sentOk;
    private long refusedSeq = -1;
    private ObjectNode refusal;
    private int size;

    public DiskSteps(ScenarioWorld world, CallSteps calls) {
        this.world = world;
        this.calls = calls;
        this.obligations = new Obligations(world);
    }

    @Given("a {transport} channel on a disk of {int} KiB with capacity {int}")
    public void channelOnSmallDisk(String transport, int kib, int capacity) {
        world.channel(ChannelSettings.of(transport).capacity(capacity));
        world.smallDisk(kib);
    }

    /**
     * Sends seq 1, 2, ... until a send does not return ok, at most the channel's capacity of them
     * (the scenario gives a capacity the disk cannot hold, so that the disk, not the channel, is full first).
     */
    @When("{participant} sends messages of {int} bytes until the disk is full")
    public void sendUntilFull(String name, int bytes) {
        Participant sender = world.participant(name);
        Integer capacity = world.channel().capacity();
        if (capacity == null) {
            throw new SpecError(world.location() + ": 'sends messages ... until the disk is full' needs a channel with a capacity");
        }
        size = bytes;
        sentOk = 0;
        for (long seq = 1; seq <= capacity; seq++) {
            ObjectNode reply = obligations.await(sender, calls.send(name, "main", seq, bytes, null));
            if (!reply.path("status").asText().equals("ok")) {
                refusedSeq = seq;
                refusal = reply;
                return;
            }
            sentOk++;
        }
    }

    @Then("{participant}'s refused send returned {string} with a message")
    public void refusedWith(String name, String status) {
        String who = world.participant(name).displayName();
        require(refusal != null, Rule.O2, who + " sent " + sentOk + " messages of " + size + " bytes, all \"ok\", the channel's whole"
                + " capacity, to a disk too small to hold them; expected a send to return \"" + status + "\" once the disk was full");
        require(refusal.path("status").asText().equals(status), Rule.O2, who + "'s send of message " + refusedSeq
                + " to a full disk returned " + CallSteps.describe(refusal) + ", expected \"" + status + "\"");
        require(!refusal.path("message").asText("").isBlank(), Rule.O2, who + "'s send of message " + refusedSeq
                + " returned \"" + status + "\" without a message saying why: " + refusal);
    }

    @Then("{participant} collects every message sent {string}, in order")
    public void collectsEverySent(String name, String status) {
        if (sentOk == 0) {
            throw new SpecError(world.location() + ": no send returned \"" + status + "\" before the disk was full: give the disk more room");
        }
        calls.collectsInOrder(name, 1, sentOk);
        calls.receive(name, "main", world.participant(name).mode() == org.ipcspec.harness.history.Mode.SYNC ? 500 : null);
        ObjectNode after = obligations.await(world.participant(name), world.participant(name).nextUnjudged().orElseThrow());
        require(!after.path("status").asText().equals("message"), Rule.O2, world.participant(name).displayName()
                + " collected " + CallSteps.describe(after) + " after the " + sentOk + " messages sent ok: the refused send"
                + " left its message in the channel");
    }

    @When("{participant} sends the refused message again")
    public void sendRefusedAgain(String name) {
        if (refusedSeq < 0) {
            throw new SpecError(world.location() + ": no send was refused to send again");
        }
        calls.send(name, "main", refusedSeq, size, null);
    }

    @Then("{participant} collects the refused message")
    public void collectsRefused(String name) {
        calls.collectsInOrder(name, refusedSeq, refusedSeq);
    }
}
