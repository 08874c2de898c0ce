package org.ipcspec.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The process contract of the packaged endpoint (docs/protocol.md#streams,
 * docs/protocol.md#handshake).
 */
class EndpointIT {

    @Test
    void helloComesFirstWithItsFields() throws Exception {
        try (ForkedEndpoint endpoint = ForkedEndpoint.jar()) {
            Map<String, Object> hello = endpoint.hello;
            assertEquals(1L, hello.get("protocol"));
            assertEquals("ipcspec-reference", hello.get("implementation"));
            assertEquals("0.1.0", hello.get("version"));
            assertEquals(List.of("shm", "file", "socket"), hello.get("transports"));
            assertEquals("monotonic", hello.get("clock"));
        }
    }

    @Test
    void badLinesAreAnsweredAndTheEndpointReadsOn() throws Exception {
        String open = "{\"id\":%d,\"op\":\"open\",\"role\":\"sender\",\"transport\":\"shm\",\"address\":\"/tmp/x/c\",\"mode\":\"sync\"%s}";
        Object[][] script = {
                // line, expected id (null for none), error, part of the message
                {"oops, not JSON", null, "invalid", "not JSON: at offset 0: unexpected 'o', expected a value"},
                {"[1,2,3]", null, "invalid", "not an array"},
                {"{\"op\":\"clock\"}", null, "invalid", "missing field id"},
                {"{\"id\":\"seven\",\"op\":\"clock\"}", null, "invalid", "field id must be an integer"},
                {"{\"id\":2,\"op\":\"teleport\"}", 2L, "unsupported", "unknown op \"teleport\""},
                {"{\"id\":3,\"op\":\"receive\",\"channel\":\"ghost\"}", 3L, "invalid", "unknown channel \"ghost\""},
                {String.format(open, 4, ",\"capacity\":\"big\""), 4L, "invalid", "field capacity must be an integer"},
                {String.format(open, 5, ",\"mode\":true").replace("\"mode\":\"sync\",", ""), 5L, "invalid", "field mode must be a string"},
                {String.format(open, 6, "").replace("\"shm\"", "\"carrier-pigeon\""), 6L, "unsupported", "transport \"carrier-pigeon\""},
                {"{\"id\":7,\"op\":\"send\",\"seq\":1,\"size\":23}", 7L, "invalid", "field size must be in [24,"},
                {"{\"id\":8,\"op\":\"send\",\"seq\":1,\"text\":\"IPC1 forged\"}", 8L, "invalid", "must not begin with IPC1"},
                {"{\"id\":9,\"op\":\"send\",\"seq\":1,\"size\":64}", 9L, "invalid", "unknown channel \"main\""},
        };
        try (ForkedEndpoint endpoint = ForkedEndpoint.jar()) {
            for (Object[] step : script) {
                endpoint.write((String) step[0]);
            }
            byte[] oversize = new byte[StdinPump.MAX_LINE_BYTES + 100_000];
            Arrays.fill(oversize, (byte) ' ');
            byte[] request = "{\"id\":10,\"op\":\"clock\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(request, 0, oversize, 0, request.length);
            endpoint.write(oversize);
            for (Object[] step : script) {
                Map<String, Object> reply = endpoint.next();
                String what = step[0] + " -> " + reply;
                assertEquals("reply", reply.get("type"), what);
                assertEquals(step[1] == null ? Json.NULL : step[1], reply.get("id"), what);
                assertEquals(false, reply.get("ok"), what);
                assertEquals(step[2], reply.get("error"), what);
                assertTrue(((String) reply.get("message")).contains((String) step[3]), what);
            }
            Map<String, Object> tooLong = endpoint.next();
            assertEquals(Json.NULL, tooLong.get("id"), "an oversize line is not parsed: " + tooLong);
            assertEquals("invalid", tooLong.get("error"));
            assertTrue(((String) tooLong.get("message")).contains("over the limit of 1048576 bytes"), tooLong.toString());

            Map<String, Object> clock = endpoint.ask("{\"id\":11,\"op\":\"clock\"}");
            assertEquals(11L, clock.get("id"));
            assertEquals(true, clock.get("ok"), "still answering after the bad lines");
            assertTrue(endpoint.process().isAlive());
        }
    }

    @Test
    void clockLiesBetweenTheHarnessReadings() throws Exception {
        try (ForkedEndpoint endpoint = ForkedEndpoint.jar()) {
            for (int i = 0; i < 3; i++) {
                long before = System.nanoTime();
                long t = (Long) endpoint.ask("{\"id\":" + i + ",\"op\":\"clock\"}").get("t");
                long after = System.nanoTime();
                assertTrue(before <= t && t <= after, before + " <= " + t + " <= " + after);
            }
        }
    }

    @Test
    void exitRepliesThenExitsWithZero() throws Exception {
        try (ForkedEndpoint endpoint = ForkedEndpoint.jar()) {
            Map<String, Object> reply = endpoint.ask("{\"id\":1,\"op\":\"exit\"}");
            assertEquals(true, reply.get("ok"));
            assertTrue(endpoint.process().waitFor(ForkedEndpoint.WAIT_MS, TimeUnit.MILLISECONDS));
            assertEquals(0, endpoint.process().exitValue());
        }
    }

    @Test
    void stdinEofEndsAnIdleEndpoint() throws Exception {
        try (ForkedEndpoint endpoint = ForkedEndpoint.jar()) {
            endpoint.closeStdin();
            assertTrue(endpoint.process().waitFor(ForkedEndpoint.WAIT_MS, TimeUnit.MILLISECONDS));
            assertEquals(0, endpoint.process().exitValue());
        }
    }

    /**
     * A synchronous receive with no timeout blocks the request loop; stdin EOF must still end
     * the process within 2 s, and the abandoned call gets no reply. Run over the in-memory
     * transport so that it does not depend on the real transports.
     */
    @Test
    void stdinEofEndsTheProcessWhileASyncReceiveIsBlocked() throws Exception {
        try (ForkedEndpoint endpoint = ForkedEndpoint.inMemory()) {
            Map<String, Object> opened = endpoint.ask("{\"id\":1,\"op\":\"open\",\"role\":\"receiver\",\"transport\":\"mem\","
                    + "\"address\":\"/mem/c\",\"mode\":\"sync\"}");
            assertEquals("ok", opened.get("status"));
            endpoint.write("{\"id\":2,\"op\":\"receive\"}");
            assertEquals("recv_begin", endpoint.next().get("event"));
            endpoint.write("{\"id\":3,\"op\":\"clock\"}"); // queued behind the blocked call, to be dropped
            long pid = endpoint.process().pid();

            long eof = System.nanoTime();
            endpoint.closeStdin();
            assertTrue(endpoint.process().waitFor(ForkedEndpoint.WAIT_MS, TimeUnit.MILLISECONDS), "the process ends");
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - eof);
            assertTrue(tookMs < 2000, "exited " + tookMs + " ms after stdin EOF; the protocol allows 2 s");
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "really gone");
            assertTrue(endpoint.stdoutEndsWithoutMoreLines(), "no reply for the abandoned call or the dropped request");
        }
    }
}
