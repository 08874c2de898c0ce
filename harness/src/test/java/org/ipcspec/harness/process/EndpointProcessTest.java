package org.ipcspec.harness.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Endpoints that misbehave, played by shell one-liners: each must come out as broken, with its stderr. */
class EndpointProcessTest {

    private static final Path HERE = Path.of("").toAbsolutePath();
    private static final String HELLO = "{\"type\":\"hello\",\"protocol\":1,\"implementation\":\"sh\",\"version\":\"0\",\"transports\":[],\"clock\":\"monotonic\"}";

    @Test
    void aCrashAtStartIsBrokenAndCarriesItsStderr() {
        try (EndpointProcess endpoint = start("echo 'cannot open libfoo.so' >&2; exit 3")) {
            EndpointBrokenException e = assertThrows(EndpointBrokenException.class, () -> endpoint.awaitHello(Duration.ofSeconds(10)));
            assertTrue(e.getMessage().contains("cannot open libfoo.so"), e.getMessage());
            assertTrue(e.getMessage().contains("exited with code 3"), e.getMessage());
        }
    }

    @Test
    void garbageBeforeHelloIsBroken() {
        try (EndpointProcess endpoint = start("echo 'Picked up JAVA_TOOL_OPTIONS'; cat >/dev/null")) {
            EndpointBrokenException e = assertThrows(EndpointBrokenException.class, () -> endpoint.awaitHello(Duration.ofSeconds(10)));
            assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
        }
    }

    @Test
    void noHelloInTimeIsBroken() {
        try (EndpointProcess endpoint = start("cat >/dev/null")) {
            EndpointBrokenException e = assertThrows(EndpointBrokenException.class, () -> endpoint.awaitHello(Duration.ofMillis(300)));
            assertTrue(e.getMessage().contains("no hello within 300 ms"), e.getMessage());
        }
    }

    @Test
    void repliesFindTheirRequestsAndStrayLinesAreGarbage() {
        // Echo a reply for each request line, then a reply to nobody.
        String script = "echo '" + HELLO + "'; read line; echo '{\"type\":\"reply\",\"id\":1000,\"ok\":true,\"t\":5}';"
                + " echo '{\"type\":\"reply\",\"id\":99,\"ok\":true}'; cat >/dev/null";
        try (EndpointProcess endpoint = start(script)) {
            endpoint.awaitHello(Duration.ofSeconds(10));
            ObjectNode request = new ObjectMapper().createObjectNode().put("op", "clock");
            EndpointProcess.Request sent = endpoint.request(request);
            assertEquals(1000, sent.id());
            assertEquals(5, endpoint.await(sent.reply(), Duration.ofSeconds(10), "clock").path("t").asLong());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (endpoint.garbage().isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(endpoint.garbage().get(0).contains("a reply to no request"), endpoint.garbage().toString());
        }
    }

    @Test
    void closeEndsAnEndpointThatIgnoresEofAndLeavesNothingBehind() {
        EndpointProcess endpoint = start("echo '" + HELLO + "'; trap '' TERM; sleep 60 & wait");
        endpoint.awaitHello(Duration.ofSeconds(10));
        long before = System.nanoTime();
        endpoint.close();
        assertFalse(endpoint.isAlive());
        assertTrue(System.nanoTime() - before < Duration.ofSeconds(15).toNanos());
        assertEquals(0, ProcessReaper.liveCount());
    }

    @Test
    void stderrKeepsMultiByteCharactersWholeAcrossReads(@TempDir Path dir) throws Exception {
        // 8191 bytes put the first byte of the first 'é' at the end of an 8 KiB read, its second in the next.
        String text = "a".repeat(8191) + "é".repeat(20_000) + "ü€\n";
        Path file = dir.resolve("err.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        EndpointProcess endpoint = start("echo '" + HELLO + "'; cat '" + file + "' >&2; cat >/dev/null");
        endpoint.awaitHello(Duration.ofSeconds(10));
        endpoint.close();
        assertFalse(endpoint.stderr().contains("\uFFFD"), "a character split between two reads was decoded as two halves");
        assertTrue(endpoint.stderr().endsWith(text), "stderr is not what the endpoint wrote");
    }

    @Test
    void aRawLineToAnEndpointWhoseStdoutClosedFailsAtOnce() {
        // Still alive and reading stdin, but it closed stdout: nothing it is sent can be answered.
        EndpointProcess endpoint = start("echo '" + HELLO + "'; exec 1>&-; cat >/dev/null");
        try (endpoint) {
            endpoint.awaitHello(Duration.ofSeconds(10));
            EndpointProcess.Request probe = endpoint.request(new ObjectMapper().createObjectNode().put("op", "clock"));
            assertThrows(EndpointBrokenException.class, () -> endpoint.await(probe.reply(), Duration.ofSeconds(10), "clock"));
            long before = System.nanoTime();
            CompletableFuture<ObjectNode> raw = endpoint.writeRaw("{\"id\":7,\"op\":\"clock\"}");
            EndpointBrokenException e = assertThrows(EndpointBrokenException.class,
                () -> endpoint.await(raw, Duration.ofSeconds(10), "a raw line"));
            assertTrue(System.nanoTime() - before < Duration.ofSeconds(5).toNanos(), "waited out the bound: " + e.getMessage());
        }
    }

    @Test
    void rawLinesAndGeneratedRequestsNeverShareAnId() {
        // Answers every line with a reply carrying the line's id.
        String script = "echo '" + HELLO + "'; while read -r l; do id=$(echo \"$l\" | sed 's/.*\"id\":\\([0-9]*\\).*/\\1/');"
                + " echo \"{\\\"type\\\":\\\"reply\\\",\\\"id\\\":$id,\\\"ok\\\":true}\"; done";
        try (EndpointProcess endpoint = start(script)) {
            endpoint.awaitHello(Duration.ofSeconds(10));
            CompletableFuture<ObjectNode> raw = endpoint.writeRaw("{\"id\":1000,\"op\":\"clock\"}");
            EndpointProcess.Request generated = endpoint.request(new ObjectMapper().createObjectNode().put("op", "clock"));
            assertTrue(generated.id() != 1000, "a generated id took the raw line's id 1000");
            assertEquals(1000, endpoint.await(raw, Duration.ofSeconds(10), "the raw line").path("id").asLong());
            assertEquals(generated.id(), endpoint.await(generated.reply(), Duration.ofSeconds(10), "clock").path("id").asLong());
        }
    }

    private static EndpointProcess start(String script) {
        return EndpointProcess.start("endpoint", List.of("sh", "-c", script), Map.of(), HERE, EndpointListener.NONE);
    }
}
