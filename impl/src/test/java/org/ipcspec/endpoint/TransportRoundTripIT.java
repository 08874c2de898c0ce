package org.ipcspec.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Messages through each real transport between two packaged endpoint processes. A transport
 * whose open answers {@code io} "not built yet" (the placeholder) is skipped, not failed.
 */
class TransportRoundTripIT {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shm", "file", "socket"})
    void singleMessagesBothModes(String transport) throws Exception {
        try (ForkedEndpoint receiver = ForkedEndpoint.jar(); ForkedEndpoint sender = ForkedEndpoint.jar()) {
            open(receiver, transport, "receiver", "sync", "a");
            open(sender, transport, "sender", "async", "a");

            assertEquals("ok", sender.ask("{\"id\":2,\"op\":\"send\",\"seq\":1,\"size\":64}").get("status"));
            Map<String, Object> got = receiver.ask("{\"id\":3,\"op\":\"receive\",\"timeout_ms\":5000}");
            assertEquals("message", got.get("status"), got.toString());
            assertEquals(1L, got.get("seq"));
            assertEquals(7L, got.get("sender_id"));
            assertEquals(64L, got.get("size"));
            assertEquals(true, got.get("intact"));

            assertEquals("ok", sender.ask("{\"id\":4,\"op\":\"send\",\"seq\":2,\"text\":\"<p>hi</p>\"}").get("status"));
            Map<String, Object> text = receiver.ask("{\"id\":5,\"op\":\"receive\",\"timeout_ms\":5000}");
            assertEquals("<p>hi</p>", text.get("text"), text.toString());

            // A synchronous send ends ok only after the receive that collects it has begun.
            open(sender, transport, "sender", "sync", "a");
            sender.write("{\"id\":6,\"op\":\"send\",\"seq\":3,\"size\":100,\"timeout_ms\":10000}");
            Map<String, Object> sendBegin = sender.next();
            assertEquals("send_begin", sendBegin.get("event"));
            receiver.write("{\"id\":7,\"op\":\"receive\",\"timeout_ms\":10000}");
            List<Map<String, Object>> received = receiver.untilReply();
            Map<String, Object> recvBegin = received.get(0);
            List<Map<String, Object>> sent = sender.untilReply();
            Map<String, Object> sendEnd = sent.get(0);
            assertEquals("ok", sendEnd.get("status"), sent.toString());
            assertEquals(3L, received.get(received.size() - 1).get("seq"));
            assertTrue((Long) sendEnd.get("t") >= (Long) recvBegin.get("t"), "S1: send_end after recv_begin");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shm", "file", "socket"})
    void bulkThousandWithDigest(String transport) throws Exception {
        try (ForkedEndpoint receiver = ForkedEndpoint.jar(); ForkedEndpoint sender = ForkedEndpoint.jar()) {
            open(receiver, transport, "receiver", "async", "b");
            open(sender, transport, "sender", "async", "b");
            sender.write("{\"id\":2,\"op\":\"send_many\",\"first_seq\":1,\"count\":1000,\"size\":64,\"sample_every\":250}");
            receiver.write("{\"id\":3,\"op\":\"receive_many\",\"count\":1000,\"timeout_ms\":15000,\"sample_every\":250}");
            List<Map<String, Object>> sent = sender.untilReply();
            List<Map<String, Object>> got = receiver.untilReply();
            Map<String, Object> sendReply = sent.get(sent.size() - 1);
            assertEquals("ok", sendReply.get("status"), sendReply.toString());
            assertEquals(1000L, sendReply.get("sent"));
            assertEquals(4 * 2 + 2, sent.size(), "4 sampled begin/end pairs, batch_end and the reply");

            Map<String, Object> batch = got.get(got.size() - 2);
            assertEquals("batch_end", batch.get("event"));
            assertEquals("ok", batch.get("status"), batch.toString());
            assertEquals(1000L, batch.get("received"));
            assertEquals(0L, batch.get("not_intact"));
            Map<?, ?> seven = (Map<?, ?>) ((Map<?, ?>) batch.get("per_sender")).get("7");
            assertEquals("c6f84d54", seven.get("digest"), "CRC-32C of seq 1..1000 in order: " + seven);
            assertEquals(0L, seven.get("out_of_order"));
            assertEquals(0L, seven.get("duplicates"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shm", "file", "socket"})
    void stdinEofEndsTheProcessWhileASyncReceiveIsBlocked(String transport) throws Exception {
        try (ForkedEndpoint receiver = ForkedEndpoint.jar()) {
            open(receiver, transport, "receiver", "sync", "c");
            receiver.write("{\"id\":2,\"op\":\"receive\"}");
            assertEquals("recv_begin", receiver.next().get("event"));
            long eof = System.nanoTime();
            receiver.closeStdin();
            assertTrue(receiver.process().waitFor(ForkedEndpoint.WAIT_MS, TimeUnit.MILLISECONDS), "the process ends");
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - eof);
            assertTrue(tookMs < 2000, "exited " + tookMs + " ms after stdin EOF; the protocol allows 2 s");
            assertTrue(receiver.stdoutEndsWithoutMoreLines(), "no reply for the abandoned receive");
        }
    }

    private void open(ForkedEndpoint endpoint, String transport, String role, String mode, String name) throws Exception {
        Map<String, Object> reply = endpoint.ask("{\"id\":1,\"op\":\"open\",\"role\":\"" + role + "\",\"transport\":\""
                + transport + "\",\"address\":\"" + dir.resolve(name) + "\",\"mode\":\"" + mode + "\",\"sender_id\":7}");
        assumeFalse("io".equals(reply.get("status")) && String.valueOf(reply.get("message")).contains("not built yet"),
                transport + " transport not built yet");
        assertEquals("ok", reply.get("status"), role + " open: " + reply + "; stderr: " + endpoint.stderr());
    }
}
