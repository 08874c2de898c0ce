package org.ipcspec.harness.steps;

import static org.ipcspec.harness.steps.Violations.require;

import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import org.ipcspec.harness.scenario.ClockCheck;
import org.ipcspec.harness.scenario.Participant;
import org.ipcspec.harness.scenario.ScenarioWorld;
import org.ipcspec.harness.spec.Rule;

/** The driver protocol itself: the handshake, the clock, and how an endpoint meets bad lines. */
public final class ProtocolSteps {

    private final ScenarioWorld world;
    private CompletableFuture<ObjectNode> rawReply;

    public ProtocolSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Then("its hello names protocol 1, its implementation and the monotonic clock")
    public void helloFields() {
        ObjectNode hello = endpoint().hello();
        require(hello.path("protocol").asInt(-1) == 1, Rule.PROTOCOL, "hello names protocol " + hello.path("protocol") + ", not 1: " + hello);
        require(!hello.path("implementation").asText("").isBlank(), Rule.PROTOCOL, "hello names no implementation: " + hello);
        require(hello.path("clock").asText("").equals("monotonic"), Rule.PROTOCOL, "hello names clock " + hello.path("clock") + ": " + hello);
        require(hello.path("transports").isArray(), Rule.PROTOCOL, "hello lists no transports: " + hello);
    }

    @Then("its clock lies between the harness's readings before and after")
    public void clockAgrees() {
        ClockCheck.verify(world, endpoint());
    }

    @When("it is sent the line {}")
    public void sendLine(String line) {
        rawReply = endpoint().process().writeRaw(line);
    }

    @Then("it replies {string}")
    public void replies(String error) {
        ObjectNode reply = endpoint().process().await(rawReply, world.replyBound(), "a bad line");
        require(reply.path("type").asText().equals("reply") && !reply.path("ok").asBoolean(true), Rule.PROTOCOL,
                "a bad line was answered " + reply + ", expected ok:false");
        require(reply.path("error").asText("").equals(error), Rule.PROTOCOL,
                "a bad line was answered with error " + reply.path("error") + ", expected \"" + error + "\": " + reply);
    }

    @Then("it still answers a clock request")
    public void stillAnswers() {
        ClockCheck.verify(world, endpoint());
    }

    private Participant endpoint() {
        return world.has("endpoint") ? world.participant("endpoint") : world.participant("sender");
    }
}
