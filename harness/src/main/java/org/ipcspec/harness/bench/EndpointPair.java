package org.ipcspec.harness.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ipcspec.harness.process.EndpointBrokenException;
import org.ipcspec.harness.process.EndpointListener;
import org.ipcspec.harness.process.EndpointProcess;

/**
 * A receiver endpoint and a sender endpoint of the implementation under test, real processes
 * driven over the driver protocol. Each measurement gets a fresh pair, so that a failed batch
 * cannot leave a half-drained channel or a blocked request loop behind for the next one.
 */
final class EndpointPair implements AutoCloseable {

    static final Duration HELLO_BOUND = Duration.ofSeconds(20);
    static final Duration REPLY_BOUND = Duration.ofSeconds(30);
    /** A batch may be slow on a loaded machine; it is still bounded, so a hang is a failure, not a stuck run. */
    static final Duration BATCH_BOUND = Duration.ofMinutes(3);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EndpointProcess receiver;
    private final EndpointProcess sender;
    private final SampleRecorder samples;
    private final ObjectNode hello;

    private EndpointPair(EndpointProcess receiver, EndpointProcess sender, SampleRecorder samples, ObjectNode hello) {
        this.receiver = receiver;
        this.sender = sender;
        this.samples = samples;
        this.hello = hello;
    }

    static EndpointPair start(List<String> command, Map<String, String> env, Path directory) {
        requireJarBuilt(command);
        SampleRecorder samples = new SampleRecorder("sender");
        EndpointProcess receiver = EndpointProcess.start("receiver", command, env, directory, EndpointListener.NONE);
        EndpointProcess sender = null;
        try {
            sender = EndpointProcess.start("sender", command, env, directory, samples);
            ObjectNode hello = receiver.awaitHello(HELLO_BOUND);
            sender.awaitHello(HELLO_BOUND);
            return new EndpointPair(receiver, sender, samples, hello);
        } catch (RuntimeException e) {
            receiver.close();
            if (sender != null) {
                sender.close();
            }
            throw new BenchFailure("the endpoint did not start: " + e.getMessage());
        }
    }

    /** A {@code -jar} that does not exist yet is the usual first failure: say how to build it. */
    static void requireJarBuilt(List<String> command) {
        int jar = command.indexOf("-jar");
        if (jar >= 0 && jar + 1 < command.size() && !java.nio.file.Files.isRegularFile(Path.of(command.get(jar + 1)))) {
            throw new BenchFailure("the endpoint jar is not built: " + command.get(jar + 1)
                    + " (build it with: mvn -q -pl impl package -DskipTests)");
        }
    }

    /** {@code implementation version} from the hello line. */
    String implementation() {
        return hello.path("implementation").asText("?") + " " + hello.path("version").asText("?");
    }

    /** Fails unless the hello names {@code transport} among the transports offered. */
    void requireTransport(String transport) {
        for (JsonNode offered : hello.path("transports")) {
            if (offered.asText().equals(transport)) {
                return;
            }
        }
        throw new BenchFailure("transport not offered by the implementation: transport=" + transport
                + " hello.transports=" + hello.path("transports"));
    }

    /** Opens {@code channel} on both: the receiver first (it creates the channel), then the sender. */
    void open(String channel, String transport, Path address, String sendMode, String receiveMode, int capacity) {
        ObjectNode receiverOpen = JSON.createObjectNode().put("op", "open").put("channel", channel).put("role", "receiver")
                .put("transport", transport).put("address", address.toString()).put("mode", receiveMode)
                .put("capacity", capacity).put("max_message_bytes", 65536);
        requireOpened(receiver, receiverOpen);
        ObjectNode senderOpen = JSON.createObjectNode().put("op", "open").put("channel", channel).put("role", "sender")
                .put("transport", transport).put("address", address.toString()).put("mode", sendMode)
                .put("sender_id", 1).put("timeout_ms", 10_000);
        requireOpened(sender, senderOpen);
    }

    private static void requireOpened(EndpointProcess process, ObjectNode open) {
        ObjectNode reply = process.await(process.request(open).reply(), REPLY_BOUND, "open");
        if (!reply.path("ok").asBoolean(false)) {
            throw new BenchFailure("open " + process.participant() + " refused: error=" + reply.path("error").asText()
                    + " message=" + reply.path("message").asText());
        }
        String status = reply.path("status").asText();
        if (!status.equals("ok")) {
            String message = reply.path("message").asText("");
            throw new BenchFailure("open " + process.participant() + ": status " + status + (message.isEmpty() ? "" : " (" + message + ")"));
        }
    }

    /** The replies of one send_many / receive_many pair; they repeat the batch_end fields. */
    record Batch(ObjectNode sent, ObjectNode received) {

        /** Receiver's recv_end of the last message minus sender's send_begin of the first: the shared clock makes this valid. */
        long oneWayNanos() {
            return received.path("last_t").asLong() - sent.path("first_t").asLong();
        }

        /** Sender's send_end of the last message minus its send_begin of the first. */
        long sendNanos() {
            return sent.path("last_t").asLong() - sent.path("first_t").asLong();
        }
    }

    /**
     * Sends {@code count} messages of {@code size} bytes from {@code firstSeq} while the receiver
     * collects them with receive_many; fails unless every one was sent and collected intact.
     * The receive is asked for first, so its request loop is already waiting when sending starts.
     */
    Batch batch(String channel, long firstSeq, long count, int size, long sampleEvery) {
        return batch(channel, firstSeq, count, size, sampleEvery, 0);
    }

    /** As {@link #batch(String, long, long, int, long)}, paced at {@code rate} messages a second (0: as fast as it goes). */
    Batch batch(String channel, long firstSeq, long count, int size, long sampleEvery, long rate) {
        ObjectNode receiveMany = JSON.createObjectNode().put("op", "receive_many").put("channel", channel).put("count", count)
                .put("timeout_ms", BATCH_BOUND.toMillis()).put("sample_every", 0);
        ObjectNode sendMany = JSON.createObjectNode().put("op", "send_many").put("channel", channel).put("first_seq", firstSeq)
                .put("count", count).put("size", size).put("sample_every", sampleEvery);
        if (rate > 0) {
            sendMany.put("rate", rate);
        }
        var received = receiver.request(receiveMany);
        var sent = sender.request(sendMany);
        Duration bound = BATCH_BOUND.plusSeconds(30);
        ObjectNode sentReply = sender.await(sent.reply(), bound, "send_many of " + count);
        requireBatch(sentReply, "send_many", "sent", count);
        ObjectNode receivedReply = receiver.await(received.reply(), bound, "receive_many of " + count);
        requireBatch(receivedReply, "receive_many", "received", count);
        long notIntact = receivedReply.path("not_intact").asLong(0);
        if (notIntact != 0) {
            throw new BenchFailure("receive_many collected damaged messages: not_intact=" + notIntact);
        }
        return new Batch(sentReply, receivedReply);
    }

    private static void requireBatch(ObjectNode reply, String op, String countField, long count) {
        if (!reply.path("ok").asBoolean(false)) {
            throw new BenchFailure(op + " refused: error=" + reply.path("error").asText() + " message=" + reply.path("message").asText());
        }
        String status = reply.path("status").asText();
        long done = reply.path(countField).asLong(-1);
        if (!status.equals("ok") || done != count) {
            throw new BenchFailure(op + " ended with status " + status + " after " + done + " of " + count
                    + (reply.has("message") ? " (" + reply.path("message").asText() + ")" : ""));
        }
        if (!reply.path("first_t").canConvertToLong() || !reply.path("last_t").canConvertToLong()) {
            throw new BenchFailure(op + " reply lacks first_t/last_t: " + reply);
        }
    }

    SampleRecorder samples() {
        return samples;
    }

    @Override
    public void close() {
        try {
            sender.close();
        } finally {
            receiver.close();
        }
    }

    /** A measurement that could not be made, for a reason the endpoint told us. */
    static final class BenchFailure extends EndpointBrokenException {
        BenchFailure(String message) {
            super(message);
        }
    }
}
