package org.ipcspec.harness.scenario;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ipcspec.harness.history.Mode;
import org.ipcspec.harness.process.EndpointProcess;

/**
 * One process of a scenario ("sender", "sender 2", "receiver", ...) and what the steps asked of it:
 * the calls whose replies are still to be judged, in the order they were made (an endpoint answers
 * requests in order), and the replies already judged.
 */
public final class Participant {

    private final String name;
    private final EndpointProcess process;
    private final ObjectNode hello;
    private final Deque<Call> unjudged = new ArrayDeque<>();
    private final List<ObjectNode> judged = new ArrayList<>();
    private final Set<String> delivered = new HashSet<>();
    private Mode mode = Mode.UNKNOWN;
    private int senderId = 1;
    private Mode acknowledgeMode = Mode.SYNC;

    Participant(String name, EndpointProcess process, ObjectNode hello) {
        this.name = name;
        this.process = process;
        this.hello = hello;
    }

    public String name() {
        return name;
    }

    public EndpointProcess process() {
        return process;
    }

    public ObjectNode hello() {
        return hello;
    }

    /** The send mode of a sender, the receive mode of a receiver. */
    public Mode mode() {
        return mode;
    }

    public void mode(Mode value) {
        this.mode = value;
    }

    public int senderId() {
        return senderId;
    }

    public void senderId(int value) {
        this.senderId = value;
    }

    /** The send mode of the acknowledgements a receiver sends back on the reply channel. */
    public Mode acknowledgeMode() {
        return acknowledgeMode;
    }

    public void acknowledgeMode(Mode value) {
        this.acknowledgeMode = value;
    }

    void started(Call call) {
        unjudged.addLast(call);
    }

    /** The oldest call not yet judged. */
    public Optional<Call> nextUnjudged() {
        return Optional.ofNullable(unjudged.peekFirst());
    }

    void judged(Call call, ObjectNode reply) {
        unjudged.remove(call);
        judged.add(reply);
    }

    /** Replies already judged, oldest first. */
    public List<ObjectNode> judgedReplies() {
        return List.copyOf(judged);
    }

    /** Records a message this receiver was given; false if it was given the same one before (a duplicate). */
    public boolean firstDelivery(long senderId, long seq) {
        return delivered.add(senderId + "/" + seq);
    }

    /** A name for messages: "the sender", "sender 2". */
    public String displayName() {
        return name.matches(".*\\d$") ? name : "the " + name;
    }
}
