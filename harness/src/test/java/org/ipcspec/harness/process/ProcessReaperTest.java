package org.ipcspec.harness.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ProcessReaperTest {

    @Test
    void reapingAProcessThatExitedLeavesWhatItWroteReadable() throws Exception {
        // 50,000 bytes fit in the pipe: the process exits before anybody reads them, as an endpoint
        // may exit while the harness's reader threads lag behind on a loaded machine.
        Process process = new ProcessBuilder("sh", "-c", "head -c 50000 /dev/zero").start();
        ProcessReaper.register(process);
        process.waitFor(10, TimeUnit.SECONDS);

        ProcessReaper.killTree(process);

        try (InputStream out = process.getInputStream()) {
            assertEquals(50_000, out.readAllBytes().length, "the reap closed the stream before its bytes were read");
        }
    }
}
