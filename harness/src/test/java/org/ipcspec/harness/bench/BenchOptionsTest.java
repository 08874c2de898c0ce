package org.ipcspec.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final Path REPO = Path.of("/nonexistent/repo");

    @Test
    void defaultsSizeFileRunsSmallerThanMemoryAndSocketRuns() {
        BenchOptions options = BenchOptions.defaults(REPO);
        assertEquals(List.of("shm", "file", "socket"), options.transports());
        assertEquals(3_000_000, options.throughputCount("shm", 64));
        assertEquals(400_000, options.throughputCount("socket", 4096));
        assertEquals(8_000, options.throughputCount("file", 64));
        assertEquals(3_000, options.throughputCount("file", 4096));
        assertEquals(List.of(BenchOptions.javaBinary(), "-jar", "/nonexistent/repo/impl/target/ipcspec-endpoint.jar"), options.command());
    }

    @Test
    void scaleMultipliesDefaultsAndCountsOverrideThem() {
        BenchOptions options = BenchOptions.parse(new String[] {"--repo", "/r", "--scale", "0.1", "--count", "shm:64=1234",
                "--count", "baseline:ping=99", "--transports", "shm,socket", "--starts", "3", "--no-baselines"}, Path.of("."));
        assertEquals(1234, options.throughputCount("shm", 64));
        assertEquals(40_000, options.throughputCount("socket", 4096));
        assertEquals(2_000, options.latencyCount("socket"));
        assertEquals(99, options.pingCount());
        assertEquals(List.of("shm", "socket"), options.transports());
        assertEquals(3, options.starts());
        assertFalse(options.baselines());
    }

    @Test
    void commandAfterDoubleDashIsTakenAsItIs() {
        BenchOptions options = BenchOptions.parse(new String[] {"--", "python3", "endpoint.py", "--fast"}, Path.of("."));
        assertEquals(List.of("python3", "endpoint.py", "--fast"), options.command());
    }

    @Test
    void mistakesAreReportedWithTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--count", "shm64"}, Path.of(".")));
        assertEquals("--count wants KEY=N, for instance shm:64=500000, not 'shm64'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--bogus"}, Path.of(".")));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--scale"}, Path.of(".")));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--scale", "0"}, Path.of(".")));
    }
}
