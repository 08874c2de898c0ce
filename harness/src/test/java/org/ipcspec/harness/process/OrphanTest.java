package org.ipcspec.harness.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No orphans even when the harness itself is SIGKILLed: no shutdown hook runs then, so it rests on
 * the protocol's rule that an endpoint exits by itself within 2 s of stdin EOF, which the kernel
 * delivers when the harness's end of the pipe dies with it. Checked here with the reference
 * endpoint blocked in a synchronous receive without timeout, the hardest case.
 */
class OrphanTest {

    @Test
    void endpointsExitWhenTheHarnessIsKilled(@TempDir Path dir) throws Exception {
        endpointExitsWhenItsHarnessIsKilled(dir, false);
    }

    /** A stopped process sees no EOF: the pause's keeper wakes it when the harness dies, and then it does. */
    @Test
    void aPausedEndpointExitsWhenTheHarnessIsKilled(@TempDir Path dir) throws Exception {
        endpointExitsWhenItsHarnessIsKilled(dir, true);
    }

    private static void endpointExitsWhenItsHarnessIsKilled(Path dir, boolean paused) throws Exception {
        Path jar = Path.of("../impl/target/ipcspec-endpoint.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "build impl first: " + jar);
        Process harness = new ProcessBuilder(HarnessStandIn.javaBinary(), "-cp", System.getProperty("java.class.path"),
                HarnessStandIn.class.getName(), jar.toString(), dir.resolve("c").toString(), paused ? "pause" : "run")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(harness.getInputStream(), StandardCharsets.UTF_8));
            long endpointPid = Long.parseLong(out.readLine().trim());
            Optional<ProcessHandle> endpoint = ProcessHandle.of(endpointPid);
            assertTrue(endpoint.isPresent() && endpoint.get().isAlive(), "the endpoint should be running");
            if (paused) {
                String stat = Files.readString(Path.of("/proc", Long.toString(endpointPid), "stat"));
                assertTrue(stat.substring(stat.lastIndexOf(')') + 2).startsWith("T"), "the endpoint should be stopped: " + stat);
            }

            harness.destroyForcibly().waitFor();

            // 2 s by the protocol, with room for a loaded machine.
            Awaitility.await("the endpoint (pid " + endpointPid + ") exits after its harness was killed")
                    .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> ProcessHandle.of(endpointPid).map(ph -> !ph.isAlive()).orElse(true));
            assertFalse(ProcessHandle.of(endpointPid).map(ProcessHandle::isAlive).orElse(false));
        } finally {
            harness.descendants().forEach(ProcessHandle::destroyForcibly);
            harness.destroyForcibly();
        }
    }
}
