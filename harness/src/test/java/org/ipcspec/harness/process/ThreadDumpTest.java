package org.ipcspec.harness.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** A hung JVM endpoint is asked for its threads before it is killed, and the dump is kept for the report. */
class ThreadDumpTest {

    @Test
    void aJvmEndpointGivesItsThreadsWithoutTouchingItsStdout() {
        Path jar = Path.of("../impl/target/ipcspec-endpoint.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "build impl first: " + jar);
        try (EndpointProcess endpoint = EndpointProcess.start("endpoint", List.of(HarnessStandIn.javaBinary(), "-jar", jar.toString()),
                Map.of(), Path.of("").toAbsolutePath(), EndpointListener.NONE)) {
            endpoint.awaitHello(Duration.ofSeconds(20));
            Optional<String> dump = endpoint.threadDump();
            assertTrue(dump.isPresent(), "no thread dump");
            assertTrue(dump.get().contains("\"main\"") && dump.get().contains("java.lang.Thread.State"), dump.get());
            assertTrue(endpoint.lastThreadDump().isPresent());
            assertTrue(endpoint.garbage().isEmpty(), "the dump must not land on the protocol stream: " + endpoint.garbage());
        }
    }

    @Test
    void anEndpointThatIsNoJvmGetsNoSignal() {
        try (EndpointProcess endpoint = EndpointProcess.start("endpoint", List.of("sh", "-c", "cat >/dev/null"), Map.of(),
                Path.of("").toAbsolutePath(), EndpointListener.NONE)) {
            assertTrue(endpoint.threadDump().isEmpty());
            assertTrue(endpoint.isAlive(), "it must still be running: SIGQUIT would have killed it");
        }
    }
}
