package org.ipcspec.harness.steps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;

import org.ipcspec.harness.history.Mode;
import org.ipcspec.harness.history.Role;
import org.ipcspec.harness.process.EndpointBrokenException;
import org.ipcspec.harness.scenario.Call;
import org.ipcspec.harness.scenario.ChannelSettings;
import org.ipcspec.harness.scenario.Participant;
import org.ipcspec.harness.scenario.ScenarioWorld;
import org.ipcspec.harness.spec.Rule;

/** Setting the scene: the channel, and the processes that open its ends. */
public final class ChannelSteps {

    static final String PLANTED_TARGET_CONTENT = "precious: not to be touched by a channel\n";

    private final ScenarioWorld world;

    public ChannelSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("a {transport} channel")
    public void channel(String transport) {
        world.channel(ChannelSettings.of(transport));
    }

    @Given("a {transport} channel with capacity {int}")
    public void channelWithCapacity(String transport, int capacity) {
        world.channel(ChannelSettings.of(transport).capacity(capacity));
    }

    @Given("a {transport} channel with capacity {int} for messages of at most {int} bytes")
    public void channelWithLimits(String transport, int capacity, int maxMessageBytes) {
        world.channel(ChannelSettings.of(transport).capacity(capacity).maxMessageBytes(maxMessageBytes));
    }

    @Given("a {transport} channel for {string}")
    public void channelFor(String transport, String contentType) {
        world.channel(ChannelSettings.of(transport).contentType(contentType));
    }

    @Given("a {transport} channel with a reply channel")
    public void channelWithReplyChannel(String transport) {
        world.channel(ChannelSettings.of(transport).withReplyChannel());
    }

    @Given("a {transport} channel whose address is a planted symbolic link")
    public void channelAtPlantedLink(String transport) throws IOException {
        world.channel(ChannelSettings.of(transport).withPlantedLink());
        Path target = plantedTarget();
        Files.writeString(target, PLANTED_TARGET_CONTENT, StandardCharsets.UTF_8);
        Files.createSymbolicLink(Path.of(world.address("main")), target);
    }

    Path plantedTarget() {
        return world.directory().resolve("target");
    }

    @Given("a {participant} that receives {mode}")
    public void receiver(String name, Mode mode) {
        Participant receiver = world.start(name);
        requireOpened(receiver, open(receiver, "main", Role.RECEIVER, mode, null));
    }

    @Given("a {participant} that sends {mode}")
    public void sender(String name, Mode mode) {
        startSender(name, mode, null);
    }

    @Given("a {participant} for {string} that sends {mode}")
    public void senderFor(String name, String contentType, Mode mode) {
        startSender(name, mode, contentType);
    }

    @Given("{int} senders that send {mode}")
    public void senders(int count, Mode mode) {
        for (int i = 1; i <= count; i++) {
            startSender("sender " + i, mode, null);
        }
    }

    @Given("a {participant} that receives {mode} and acknowledges {mode}")
    public void acknowledgingReceiver(String name, Mode receiveMode, Mode acknowledgeMode) {
        receiver(name, receiveMode);
        world.participant(name).acknowledgeMode(acknowledgeMode);
    }

    /** The sender owns the reply channel, so it opens it first; then the receiver attaches to it. */
    @Given("a {participant} that sends {mode} and reads acknowledgements {mode}")
    public void acknowledgedSender(String name, Mode sendMode, Mode readMode) {
        Participant sender = world.start(name);
        requireOpened(sender, open(sender, "reply", Role.RECEIVER, readMode, null));
        requireOpened(sender, open(sender, "main", Role.SENDER, sendMode, null));
        Participant receiver = world.participant("receiver");
        requireOpened(receiver, open(receiver, "reply", Role.SENDER, receiver.acknowledgeMode(), null));
    }

    @Given("an endpoint")
    public void anEndpoint() {
        world.start("endpoint");
    }

    @When("a {participant} opens the channel")
    public void opens(String name) {
        Participant participant = world.start(name);
        open(participant, "main", name.contains("receiver") ? Role.RECEIVER : Role.SENDER, Mode.SYNC, null);
    }

    @When("a {participant} for {string} opens the channel")
    public void opensFor(String name, String contentType) {
        Participant participant = world.start(name);
        open(participant, "main", Role.SENDER, Mode.SYNC, contentType);
    }

    private void startSender(String name, Mode mode, String contentType) {
        Participant sender = world.start(name);
        requireOpened(sender, open(sender, "main", Role.SENDER, mode, contentType));
    }

    /**
     * Opens an end of a channel handle; the call is left for a Then step to judge (its open
     * status), or judged at once by {@link #requireOpened}.
     */
    Call open(Participant participant, String handle, Role role, Mode mode, String contentType) {
        ChannelSettingsRequest settings = new ChannelSettingsRequest(world.channel());
        ObjectNode request = world.request("open")
                .put("channel", handle)
                .put("role", role.word())
                .put("transport", world.channel().transport())
                .put("address", world.address(handle))
                .put("mode", mode.word());
        settings.fill(request, role, contentType);
        if (role == Role.SENDER) {
            int senderId = participant.name().matches(".*\\d$")
                    ? Integer.parseInt(participant.name().replaceAll("\\D", ""))
                    : participant.name().startsWith("second") ? 2 : 1;
            request.put("sender_id", senderId);
            participant.senderId(senderId);
        }
        if (handle.equals("main")) {
            participant.mode(mode);
        }
        return world.call(participant, "open of the " + handle + " channel as " + role.word(), request);
    }

    void requireOpened(Participant participant, Call call) {
        ObjectNode reply = world.await(participant, call, world.replyBound());
        String status = reply.path("status").asText(reply.path("error").asText("?"));
        boolean answered = reply.path("ok").asBoolean(false);
        if (!answered || !status.equals("ok")) {
            String what = participant.displayName() + " could not open the " + call.request().path("channel").asText()
                    + " channel: " + reply;
            // Across two implementations that both claim the format, an open answered with an
            // error is what reading the other's bytes wrongly looks like: the pair does not
            // interoperate (W1), a verdict, not a broken endpoint. Alone, it is broken.
            Optional<String> format = world.sharedWireFormat();
            if (format.isPresent() && answered) {
                throw Violations.violated(Rule.W1, what + " (both sides declare " + format.get() + ")");
            }
            throw new EndpointBrokenException(what);
        }
    }

    /** The channel's settings as fields of an open request. */
    private record ChannelSettingsRequest(ChannelSettings channel) {
        void fill(ObjectNode request, Role role, String contentTypeOverride) {
            if (channel.capacity() != null && role == Role.RECEIVER) {
                request.put("capacity", channel.capacity());
            }
            if (channel.maxMessageBytes() != null && role == Role.RECEIVER) {
                request.put("max_message_bytes", channel.maxMessageBytes());
            }
            String contentType = contentTypeOverride != null ? contentTypeOverride : channel.contentType();
            if (contentType != null) {
                request.put("content_type", contentType);
            }
            if (role == Role.SENDER) {
                request.put("timeout_ms", 5000);
            }
        }
    }
}
