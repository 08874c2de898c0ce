package org.ipcspec.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The protocol loop in-process, over the in-memory transport: validation, events, replies. */
class SessionTest {

    private static final String OPEN_RECEIVER =
            "{\"id\":1,\"op\":\"open\",\"role\":\"receiver\",\"transport\":\"mem\",\"address\":\"/mem/c1\",\"mode\":\"async\",\"capacity\":4}";
    private static final String OPEN_SENDER =
            "{\"id\":1,\"op\":\"open\",\"role\":\"sender\",\"transport\":\"mem\",\"address\":\"/mem/c1\",\"mode\":\"async\",\"sender_id\":3}";

    /** Ends that send and collect in runs; a test that sets it before driving anything may use one-at-a-time ends. */
    private InMemoryOpener opener = new InMemoryOpener();

    /** One endpoint's loop, driven line by line on the test thread. */
    private final class Driven {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Session session = new Session(new LineWriter(bytes), opener);
        int read;

        List<Map<String, Object>> ask(String line) throws Exception {
            session.handle(line.getBytes(StandardCharsets.UTF_8));
            String all = bytes.toString(StandardCharsets.UTF_8);
            String fresh = all.substring(read);
            read = all.length();
            List<Map<String, Object>> lines = new ArrayList<>();
            for (String l : fresh.split("\n")) {
                if (!l.isEmpty()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> parsed = (Map<String, Object>) Json.parse(l);
                    lines.add(parsed);
                }
            }
            return lines;
        }

        Map<String, Object> reply(String line) throws Exception {
            List<Map<String, Object>> lines = ask(line);
            Map<String, Object> last = lines.get(lines.size() - 1);
            assertEquals("reply", last.get("type"), "the reply comes last: " + lines);
            return last;
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`garbage`|null|invalid|not JSON: at offset 0: unexpected 'g'",
            "`[1,2]`|null|invalid|must be a JSON object, not an array",
            "`{\"op\":\"clock\"}`|null|invalid|missing field id",
            "`{\"id\":1.5,\"op\":\"clock\"}`|null|invalid|field id must be an integer",
            "`{\"id\":2}`|2|invalid|missing field op",
            "`{\"id\":3,\"op\":7}`|3|invalid|field op must be a string",
            "`{\"id\":4,\"op\":\"dance\"}`|4|unsupported|unknown op \"dance\"",
            "`{\"id\":5,\"op\":\"receive\",\"channel\":\"nope\"}`|5|invalid|unknown channel \"nope\"",
            "`{\"id\":6,\"op\":\"open\",\"transport\":\"mem\",\"address\":\"/mem/x\",\"mode\":\"sync\"}`|6|invalid|missing field role",
            "`{\"id\":7,\"op\":\"open\",\"role\":\"boss\",\"transport\":\"mem\",\"address\":\"/mem/x\",\"mode\":\"sync\"}`|7|invalid|field role must be",
            "`{\"id\":8,\"op\":\"open\",\"role\":\"sender\",\"transport\":\"tcp\",\"address\":\"/mem/x\",\"mode\":\"sync\"}`|8|unsupported|transport \"tcp\"",
            "`{\"id\":9,\"op\":\"open\",\"role\":\"sender\",\"transport\":\"mem\",\"address\":\"/mem/x\",\"mode\":\"lazy\"}`|9|unsupported|mode \"lazy\"",
            "`{\"id\":10,\"op\":\"open\",\"role\":\"sender\",\"transport\":\"mem\",\"address\":\"x\",\"mode\":\"sync\"}`|10|invalid|absolute path",
            "`{\"id\":11,\"op\":\"open\",\"role\":\"sender\",\"transport\":\"mem\",\"mode\":\"sync\"}`|11|invalid|missing field address",
            "`{\"id\":12,\"op\":\"open\",\"role\":\"sender\",\"transport\":\"mem\",\"address\":\"/m\",\"mode\":\"sync\",\"capacity\":0}`|12|invalid|field capacity must be in [1,",
            "`{\"id\":13,\"op\":\"open\",\"role\":\"sender\",\"transport\":\"mem\",\"address\":\"/m\",\"mode\":\"sync\",\"sender_id\":4294967296}`|13|invalid|field sender_id must be in [0, 4294967295]",
            "`{\"id\":14,\"op\":\"open\",\"role\":\"sender\",\"transport\":5,\"address\":\"/m\",\"mode\":\"sync\"}`|14|invalid|field transport must be a string",
            "`{\"id\":15,\"op\":\"open\",\"role\":\"sender\",\"transport\":\"tcp\",\"mode\":\"sync\"}`|15|invalid|missing field address",
    })
    void refusesBadRequestsAtProtocolLevel(String line, String id, String error, String message) throws Exception {
        Map<String, Object> reply = new Driven().reply(line);
        assertEquals("null".equals(id) ? Json.NULL : (Object) Long.parseLong(id), reply.get("id"));
        assertEquals(false, reply.get("ok"));
        assertEquals(error, reply.get("error"));
        assertTrue(((String) reply.get("message")).contains(message), reply.toString());
    }

    @Test
    void refusesBadSendsWithoutEvents() throws Exception {
        Driven receiver = new Driven();
        receiver.reply(OPEN_RECEIVER);
        Driven sender = new Driven();
        sender.reply(OPEN_SENDER);
        String[][] cases = {
                {"{\"id\":2,\"op\":\"send\",\"seq\":1,\"size\":23}", "field size must be in [24,"},
                {"{\"id\":2,\"op\":\"send\",\"seq\":1,\"text\":\"IPC1 looks generated\"}", "must not begin with IPC1"},
                {"{\"id\":2,\"op\":\"send\",\"seq\":1}", "exactly one of size"},
                {"{\"id\":2,\"op\":\"send\",\"seq\":1,\"size\":64,\"text\":\"x\"}", "exactly one of size"},
                {"{\"id\":2,\"op\":\"send\",\"size\":64}", "missing field seq"},
                {"{\"id\":2,\"op\":\"send\",\"seq\":9007199254740992,\"size\":64}", "field seq must be in [0, 9007199254740991]"},
                {"{\"id\":2,\"op\":\"send\",\"seq\":-1,\"size\":64}", "field seq must be in"},
                {"{\"id\":2,\"op\":\"send\",\"seq\":1,\"size\":\"64\"}", "field size must be an integer"},
                {"{\"id\":2,\"op\":\"send\",\"seq\":1,\"size\":64,\"timeout_ms\":-5}", "field timeout_ms must be in"},
                {"{\"id\":2,\"op\":\"receive\"}", "is a sender; receive needs a receiver"},
                {"{\"id\":2,\"op\":\"send_many\",\"first_seq\":1,\"count\":10,\"size\":8}", "field size must be in [24,"},
        };
        for (String[] c : cases) {
            List<Map<String, Object>> lines = sender.ask(c[0]);
            assertEquals(1, lines.size(), "only a reply, no events: " + lines);
            assertEquals("invalid", lines.get(0).get("error"), c[0]);
            assertTrue(((String) lines.get(0).get("message")).contains(c[1]), lines.toString());
        }
        assertEquals("is a receiver; send needs a sender",
                ((String) receiver.reply("{\"id\":3,\"op\":\"send\",\"seq\":1,\"size\":64}").get("message")).replaceAll("^.*\" ", ""));
    }

    @Test
    void sendAndReceiveAGeneratedPayload() throws Exception {
        Driven receiver = new Driven();
        assertEquals("ok", receiver.reply(OPEN_RECEIVER).get("status"));
        Driven sender = new Driven();
        assertEquals("ok", sender.reply(OPEN_SENDER).get("status"));

        List<Map<String, Object>> sent = sender.ask("{\"id\":2,\"op\":\"send\",\"seq\":41,\"size\":64}");
        assertEquals(List.of("send_begin", "send_end"), List.of(sent.get(0).get("event"), sent.get(1).get("event")));
        assertEquals(41L, sent.get(0).get("seq"));
        assertEquals("ok", sent.get(1).get("status"));
        assertTrue((Long) sent.get(1).get("t") >= (Long) sent.get(0).get("t"));
        assertEquals(Map.of("type", "reply", "id", 2L, "ok", true, "status", "ok"), sent.get(2));

        List<Map<String, Object>> got = receiver.ask("{\"id\":3,\"op\":\"receive\",\"timeout_ms\":1000}");
        assertEquals("recv_begin", got.get(0).get("event"));
        Map<String, Object> end = got.get(1);
        assertEquals("recv_end", end.get("event"));
        assertEquals("main", end.get("channel"));
        assertEquals("message", end.get("status"));
        assertEquals(41L, end.get("seq"));
        assertEquals(3L, end.get("sender_id"));
        assertEquals(64L, end.get("size"));
        assertEquals(sent.get(0).get("t"), end.get("sent_t"), "sent_t is send_begin's t");
        assertEquals(true, end.get("intact"));
        assertEquals("application/octet-stream", end.get("content_type"));
        Map<String, Object> reply = got.get(2);
        for (String field : new String[] {"status", "seq", "sender_id", "size", "sent_t", "intact", "content_type"}) {
            assertEquals(end.get(field), reply.get(field), field);
        }

        List<Map<String, Object>> empty = receiver.ask("{\"id\":4,\"op\":\"receive\"}");
        assertEquals("empty", empty.get(1).get("status"));
        assertEquals("empty", empty.get(2).get("status"));
    }

    @Test
    void sendAndReceiveText() throws Exception {
        Driven receiver = new Driven();
        receiver.reply(OPEN_RECEIVER.replace("\"capacity\":4", "\"content_type\":\"text/html\""));
        Driven sender = new Driven();
        sender.reply(OPEN_SENDER.replace("\"sender_id\":3", "\"content_type\":\"text/html\""));
        assertEquals("ok", sender.reply("{\"id\":2,\"op\":\"send\",\"seq\":1,\"text\":\"<p>h\u00e9\\n</p>\"}").get("status"));
        Map<String, Object> reply = receiver.reply("{\"id\":3,\"op\":\"receive\"}");
        assertEquals("message", reply.get("status"));
        assertEquals("<p>h\u00e9\n</p>", reply.get("text"));
        assertEquals(11L, reply.get("size"), "UTF-8 bytes");
        assertEquals("text/html", reply.get("content_type"));
        assertNull(reply.get("seq"));
    }

    @Test
    void openStatuses() throws Exception {
        new Driven().reply(OPEN_RECEIVER);
        Map<String, Object> busy = new Driven().reply(OPEN_RECEIVER);
        assertEquals(true, busy.get("ok"));
        assertEquals("busy", busy.get("status"));
        assertTrue(busy.containsKey("message"));
        Map<String, Object> mismatch = new Driven().reply(OPEN_SENDER.replace("\"sender_id\":3", "\"content_type\":\"x/y\""));
        assertEquals("format_mismatch", mismatch.get("status"));
        Map<String, Object> notFound = new Driven().reply(OPEN_SENDER.replace("/mem/c1", "/mem/none").replace("\"sender_id\":3", "\"timeout_ms\":10"));
        assertEquals("not_found", notFound.get("status"));
    }

    @Test
    void fullAndTooLargeStillGetBothEvents() throws Exception {
        new Driven().reply(OPEN_RECEIVER.replace("\"capacity\":4", "\"capacity\":2,\"max_message_bytes\":100"));
        Driven sender = new Driven();
        sender.reply(OPEN_SENDER);
        assertEquals("ok", sender.reply("{\"id\":2,\"op\":\"send\",\"seq\":1,\"size\":64}").get("status"));
        assertEquals("ok", sender.reply("{\"id\":3,\"op\":\"send\",\"seq\":2,\"size\":64}").get("status"));
        List<Map<String, Object>> full = sender.ask("{\"id\":4,\"op\":\"send\",\"seq\":3,\"size\":64}");
        assertEquals(3, full.size());
        assertEquals("full", full.get(1).get("status"));
        assertEquals("full", full.get(2).get("status"));
        List<Map<String, Object>> tooLarge = sender.ask("{\"id\":5,\"op\":\"send\",\"seq\":3,\"size\":101}");
        assertEquals("too_large", tooLarge.get(1).get("status"));
        List<Map<String, Object>> huge = sender.ask("{\"id\":6,\"op\":\"send\",\"seq\":3,\"size\":2147483647}");
        assertEquals(List.of("send_begin", "send_end"), List.of(huge.get(0).get("event"), huge.get(1).get("event")));
        assertEquals("too_large", huge.get(2).get("status"), "answered without allocating 2 GiB");
    }

    /** rate: message i is due at start + i / rate, is never sent before, and carries its due time as sent_t. */
    @Test
    void pacedBulkSendWaitsForEachDueTimeAndStampsIt() throws Exception {
        Driven receiver = new Driven();
        receiver.reply(OPEN_RECEIVER.replace("\"capacity\":4", "\"capacity\":100"));
        Driven sender = new Driven();
        sender.reply(OPEN_SENDER);
        assertEquals("invalid", sender.reply("{\"id\":2,\"op\":\"send_many\",\"first_seq\":1,\"count\":5,\"size\":64,\"rate\":0}")
                .get("error"), "a rate must be positive");

        List<Map<String, Object>> sent = sender.ask(
                "{\"id\":3,\"op\":\"send_many\",\"first_seq\":1,\"count\":20,\"size\":64,\"rate\":1000,\"sample_every\":1}");
        Map<String, Object> batch = sent.get(sent.size() - 2);
        assertEquals(20L, batch.get("sent"));
        assertNull(batch.get("send_ns"), "an asynchronous sender reports no send durations");
        List<Map<String, Object>> got = receiver.ask("{\"id\":4,\"op\":\"receive_many\",\"count\":20,\"timeout_ms\":5000,\"sample_every\":1}");
        long previous = 0;
        for (int i = 0; i < 20; i++) {
            long sentT = (Long) got.get(2 * i + 1).get("sent_t");
            long begin = (Long) sent.get(2 * i).get("t");
            assertTrue(begin >= sentT, "message " + (i + 1) + " began at " + begin + ", before it was due at " + sentT);
            if (i > 0) {
                assertEquals(1_000_000L, sentT - previous, 1, "sent_t of message " + (i + 1) + " is its due time, 1 ms after the last");
            }
            previous = sentT;
        }
    }

    @ParameterizedTest(name = "runs={0}")
    @ValueSource(booleans = {true, false})
    void bulkSendAndReceiveWithSamplingAndDigest(boolean runs) throws Exception {
        opener = new InMemoryOpener(runs);
        Driven receiver = new Driven();
        receiver.reply(OPEN_RECEIVER.replace("\"capacity\":4", "\"capacity\":1000"));
        Driven sender = new Driven();
        sender.reply(OPEN_SENDER);

        List<Map<String, Object>> sent = sender.ask(
                "{\"id\":2,\"op\":\"send_many\",\"first_seq\":1,\"count\":1000,\"size\":40,\"sample_every\":100}");
        assertEquals(10 * 2 + 2, sent.size(), "10 sampled begin/end pairs, batch_end, reply");
        assertEquals(100L, sent.get(0).get("seq"), "the 100th message is the first sample");
        Map<String, Object> batch = sent.get(20);
        assertEquals("batch_end", batch.get("event"));
        assertEquals(1000L, batch.get("count"));
        assertEquals(1000L, batch.get("sent"));
        assertEquals(0L, batch.get("full_retries"));
        assertEquals("ok", batch.get("status"));
        assertTrue((Long) batch.get("last_t") >= (Long) batch.get("first_t"));
        Map<String, Object> reply = sent.get(21);
        for (String field : new String[] {"count", "sent", "full_retries", "first_t", "last_t", "status"}) {
            assertEquals(batch.get(field), reply.get(field), field);
        }

        List<Map<String, Object>> got = receiver.ask(
                "{\"id\":3,\"op\":\"receive_many\",\"count\":1000,\"timeout_ms\":5000,\"sample_every\":500}");
        assertEquals(2 * 2 + 2, got.size());
        assertEquals(500L, got.get(1).get("seq"));
        assertEquals(true, got.get(1).get("intact"));
        Map<String, Object> end = got.get(4);
        assertEquals("batch_end", end.get("event"));
        assertEquals(1000L, end.get("received"));
        assertEquals(0L, end.get("not_intact"));
        assertEquals("ok", end.get("status"));
        Map<?, ?> latency = (Map<?, ?>) end.get("latency_ns");
        assertTrue((Long) latency.get("p50") <= (Long) latency.get("p999"));
        assertTrue((Long) latency.get("p999") <= (Long) latency.get("max"));
        Map<?, ?> perSender = (Map<?, ?>) end.get("per_sender");
        Map<?, ?> three = (Map<?, ?>) perSender.get("3");
        assertEquals(1000L, three.get("received"));
        assertEquals(1L, three.get("first_seq"));
        assertEquals(1000L, three.get("last_seq"));
        assertEquals(0L, three.get("out_of_order"));
        assertEquals(0L, three.get("duplicates"));
        assertEquals("c6f84d54", three.get("digest"), "CRC-32C of seq 1..1000 as u64 big-endian");
        assertEquals(end.get("per_sender"), got.get(5).get("per_sender"));
    }

    @Test
    void aTransportFailureAfterSomeRunsEndsTheBatchWithTheRunsMessagesCounted() throws Exception {
        opener = new InMemoryOpener(true).runsFailingAfter(200);
        Driven receiver = new Driven();
        receiver.reply(OPEN_RECEIVER.replace("\"capacity\":4", "\"capacity\":1000"));
        Driven sender = new Driven();
        sender.reply(OPEN_SENDER);

        Map<String, Object> sent = sender.reply("{\"id\":2,\"op\":\"send_many\",\"first_seq\":1,\"count\":1000,\"size\":40}");
        assertEquals("error", sent.get("status"));
        assertTrue(((String) sent.get("message")).contains("injected"), String.valueOf(sent.get("message")));
        assertEquals(256L, sent.get("sent"), "four runs of 64 went before the fifth failed");
        assertTrue(sent.get("first_t") instanceof Long, "the first run's reading: " + sent.get("first_t"));

        Map<String, Object> got = receiver.reply("{\"id\":3,\"op\":\"receive_many\",\"count\":300,\"timeout_ms\":5000}");
        assertEquals("error", got.get("status"));
        assertEquals(256L, got.get("received"), "four runs of 64 were taken before the fifth failed");
        assertEquals(256L, ((Map<?, ?>) ((Map<?, ?>) got.get("per_sender")).get("3")).get("received"));
        assertTrue((Long) got.get("last_t") >= (Long) got.get("first_t"));
    }

    @Test
    void bulkSendGivesUpOnFullAfterItsTimeoutAndBulkReceiveTimesOut() throws Exception {
        Driven receiver = new Driven();
        receiver.reply(OPEN_RECEIVER);
        Driven sender = new Driven();
        sender.reply(OPEN_SENDER);
        Map<String, Object> reply = sender.reply(
                "{\"id\":2,\"op\":\"send_many\",\"first_seq\":1,\"count\":10,\"size\":64,\"timeout_ms\":50}");
        assertEquals("full", reply.get("status"));
        assertEquals(4L, reply.get("sent"), "capacity 4");
        assertTrue((Long) reply.get("full_retries") > 0);

        Map<String, Object> got = receiver.reply("{\"id\":3,\"op\":\"receive_many\",\"count\":6,\"timeout_ms\":50}");
        assertEquals("timeout", got.get("status"));
        assertEquals(4L, got.get("received"));
        assertTrue((Long) got.get("empty_polls") > 0);

        Map<String, Object> none = receiver.reply("{\"id\":4,\"op\":\"receive_many\",\"count\":1,\"timeout_ms\":0}");
        assertEquals("timeout", none.get("status"));
        assertEquals(Json.NULL, none.get("latency_ns"));
        assertEquals(Json.NULL, none.get("first_t"));
        assertEquals(Map.of(), none.get("per_sender"));
    }

    @Test
    void bulkReceiveCountsDisorderDuplicatesAndText() throws Exception {
        Driven receiver = new Driven();
        receiver.reply(OPEN_RECEIVER.replace("\"capacity\":4", "\"capacity\":10"));
        Driven sender = new Driven();
        sender.reply(OPEN_SENDER);
        for (long seq : new long[] {3, 1, 2, 2}) {
            sender.reply("{\"id\":2,\"op\":\"send\",\"seq\":" + seq + ",\"size\":30}");
        }
        sender.reply("{\"id\":2,\"op\":\"send\",\"seq\":9,\"text\":\"hello\"}");
        Map<String, Object> got = receiver.reply("{\"id\":3,\"op\":\"receive_many\",\"count\":5,\"timeout_ms\":1000}");
        assertEquals(5L, got.get("received"));
        assertEquals(1L, got.get("not_intact"), "the text payload");
        Map<?, ?> three = (Map<?, ?>) ((Map<?, ?>) got.get("per_sender")).get("3");
        assertEquals(4L, three.get("received"));
        assertEquals(3L, three.get("first_seq"));
        assertEquals(2L, three.get("last_seq"));
        assertEquals(3L, three.get("out_of_order"), "1, 2 and 2 are lower than 3");
        assertEquals(1L, three.get("duplicates"));
        assertEquals("ab821cc4", three.get("digest"));
    }

    @Test
    void closeReopenClockAndExit() throws Exception {
        Driven receiver = new Driven();
        receiver.reply(OPEN_RECEIVER);
        Driven sender = new Driven();
        sender.reply(OPEN_SENDER);
        assertEquals("ok", receiver.reply("{\"id\":5,\"op\":\"close\"}").get("status"));
        assertEquals("closed", sender.reply("{\"id\":6,\"op\":\"send\",\"seq\":1,\"size\":64}").get("status"));
        assertEquals("invalid", receiver.reply("{\"id\":7,\"op\":\"close\"}").get("error"));
        receiver.reply(OPEN_RECEIVER);
        assertEquals("ok", sender.reply(OPEN_SENDER).get("status"), "opening a handle again replaces it");
        assertEquals("ok", sender.reply("{\"id\":8,\"op\":\"send\",\"seq\":1,\"size\":64}").get("status"));
        long before = System.nanoTime();
        long t = (Long) sender.reply("{\"id\":9,\"op\":\"clock\"}").get("t");
        assertTrue(before <= t && t <= System.nanoTime());
        assertTrue(sender.session.handle("{\"id\":10,\"op\":\"exit\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void helloAnnouncesTheOpenersTransports() throws Exception {
        Map<?, ?> hello = (Map<?, ?>) Json.parse(Endpoint.hello(opener).finish());
        assertEquals("hello", hello.get("type"));
        assertEquals(1L, hello.get("protocol"));
        assertEquals("ipcspec-in-memory", hello.get("implementation"));
        assertEquals(List.of("mem"), hello.get("transports"));
        assertEquals("monotonic", hello.get("clock"));
        assertEquals(org.ipcspec.channel.Channels.transportNames(), ChannelOpener.CHANNELS.transports(),
                "the reference list is the library's");
    }

    private static final String OPEN_REPLY_RECEIVER = "{\"id\":2,\"op\":\"open\",\"channel\":\"reply\",\"role\":\"receiver\","
            + "\"transport\":\"mem\",\"address\":\"/mem/r1\",\"mode\":\"sync\",\"capacity\":4}";
    private static final String OPEN_REPLY_SENDER = "{\"id\":2,\"op\":\"open\",\"channel\":\"reply\",\"role\":\"sender\","
            + "\"transport\":\"mem\",\"address\":\"/mem/r1\",\"mode\":\"async\",\"sender_id\":9}";

    @Test
    void aRequestReplyBatchWaitsForEachAcknowledgementAndTimesTheRoundTrips() throws Exception {
        Driven receiver = new Driven();
        Driven sender = requesting(receiver);
        receiver.reply(OPEN_REPLY_SENDER);
        java.util.concurrent.CompletableFuture<Map<String, Object>> acknowledging = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> replyOf(receiver, "{\"id\":3,\"op\":\"receive_many\",\"count\":50,\"ack_channel\":\"reply\",\"timeout_ms\":5000}"));
        Map<String, Object> sent = sender.reply(
                "{\"id\":3,\"op\":\"send_many\",\"first_seq\":1,\"count\":50,\"size\":64,\"reply_channel\":\"reply\",\"timeout_ms\":5000}");
        assertEquals("ok", sent.get("status"), sent.toString());
        assertEquals(50L, sent.get("sent"));
        @SuppressWarnings("unchecked")
        Map<String, Object> roundTrips = (Map<String, Object>) sent.get("round_trip_ns");
        assertTrue((Long) roundTrips.get("p50") > 0 && (Long) roundTrips.get("max") >= (Long) roundTrips.get("p99"), roundTrips.toString());
        Map<String, Object> got = acknowledging.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals("ok", got.get("status"), got.toString());
        assertEquals(50L, got.get("acknowledged"));
    }

    @Test
    void aRequestNobodyAcknowledgesEndsTheBatchNamingTheSeq() throws Exception {
        Driven receiver = new Driven();
        Driven sender = requesting(receiver);
        Map<String, Object> sent = sender.reply(
                "{\"id\":3,\"op\":\"send_many\",\"first_seq\":1,\"count\":5,\"size\":64,\"reply_channel\":\"reply\",\"timeout_ms\":50}");
        assertEquals("error", sent.get("status"));
        assertEquals(1L, sent.get("sent"), "the second message waits for the first one's answer");
        assertEquals("no acknowledgement of seq 1 on \"reply\": timeout", sent.get("message"));
        assertEquals("invalid", sender.reply(
                "{\"id\":4,\"op\":\"send_many\",\"first_seq\":1,\"count\":5,\"size\":64,\"reply_channel\":\"main\"}").get("error"),
                "the reply channel must be a receiver end");
    }

    /** Opens {@code receiver}'s main channel (room for 100) and a sender of it whose reply end receives synchronously. */
    private Driven requesting(Driven receiver) throws Exception {
        receiver.reply(OPEN_RECEIVER.replace("\"capacity\":4", "\"capacity\":100"));
        Driven sender = new Driven();
        sender.reply(OPEN_SENDER);
        sender.reply(OPEN_REPLY_RECEIVER);
        return sender;
    }

    private static Map<String, Object> replyOf(Driven driven, String line) {
        try {
            return driven.reply(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
