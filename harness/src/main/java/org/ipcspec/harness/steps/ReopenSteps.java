package org.ipcspec.harness.steps;

import io.cucumber.java.en.When;

import org.ipcspec.harness.history.Role;
import org.ipcspec.harness.scenario.Participant;
import org.ipcspec.harness.scenario.ScenarioWorld;

/**
 * A sender told "closed" (its receiver died or closed, docs/protocol.md#precise-points) opens the
 * channel again in the same process, as a real client reconnects: it closes its old end, then opens
 * a sending end on the same address in the same mode, which must open "ok".
 */
public final class ReopenSteps {

    private final ScenarioWorld world;
    private final ChannelSteps channels;

    public ReopenSteps(ScenarioWorld world, ChannelSteps channels) {
        this.world = world;
        this.channels = channels;
    }

    @When("{participant} opens the channel again")
    public void reopen(String name) {
        Participant sender = world.participant(name);
        if (sender.nextUnjudged().isPresent()) {
            throw new IllegalStateException(sender.displayName() + " still has a call to judge before it opens the channel again");
        }
        world.callAndAwait(sender, "close of the main channel", world.request("close").put("channel", "main"), world.replyBound());
        channels.requireOpened(sender, channels.open(sender, "main", Role.SENDER, sender.mode(), null));
    }
}
