package org.ipcspec.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.ipcspec.harness.bench.BenchResult.Measured;
import org.ipcspec.harness.bench.BenchResult.Percentiles;
import org.ipcspec.harness.bench.BenchResult.Rate;
import org.ipcspec.harness.process.ProcessReaper;

/** The baselines run briefly in forked JVMs and measure something; no figure is judged (the machine is shared). */
class BaselineSmokeTest {

    private Path directory;

    @BeforeEach
    void createDirectory() {
        directory = Benchmark.createPrivateDirectory(BenchOptions.defaultTempParent());
    }

    @AfterEach
    void removeDirectory() {
        Benchmark.deleteRecursively(directory);
        assertTrue(Files.notExists(directory), "the private folder is removed");
    }

    @Test
    @Timeout(60)
    void rawSocketLoopMovesFramesAndPingPongs() {
        Baselines baselines = new Baselines(directory, directory);
        Measured<Rate> oneWay = baselines.socketThroughput(64, 20_000);
        assertTrue(oneWay.isOk(), oneWay.failure());
        assertEquals(20_000, oneWay.value().messages());
        assertTrue(oneWay.value().nanos() > 0 && oneWay.value().messagesPerSecond() > 0, oneWay.toString());

        Measured<Percentiles> pingPong = baselines.socketPingPong(64, 200);
        assertTrue(pingPong.isOk(), pingPong.failure());
        assertEquals(200, pingPong.value().count());
        assertTrue(pingPong.value().p50() > 0 && pingPong.value().p50() <= pingPong.value().p99(), pingPong.toString());
        assertEquals(0, ProcessReaper.liveCount(), "every baseline process is reaped");
    }

    @Test
    @Timeout(120)
    void ringSpoolAndAgronaBaselinesMoveMessagesWithAndWithoutProtocolWork() {
        Baselines baselines = new Baselines(directory, directory);
        for (Measured<Rate> oneWay : List.of(baselines.ringThroughput(64, 20_000, false), baselines.ringThroughput(4096, 2_000, true),
                baselines.socketThroughput(4096, 2_000, true), baselines.spoolThroughput(64, 200, false),
                baselines.spoolThroughput(64, 200, true), baselines.agronaThroughput(64, 20_000))) {
            assertTrue(oneWay.isOk(), oneWay.failure());
            assertTrue(oneWay.value().nanos() > 0 && oneWay.value().messagesPerSecond() > 0, oneWay.toString());
        }
        for (Measured<Percentiles> pingPong : List.of(baselines.ringPingPong(64, 200), baselines.agronaPingPong(64, 200))) {
            assertTrue(pingPong.isOk(), pingPong.failure());
            assertEquals(200, pingPong.value().count());
            assertTrue(pingPong.value().p50() > 0 && pingPong.value().p50() <= pingPong.value().p99(), pingPong.toString());
        }
        assertEquals(0, ProcessReaper.liveCount(), "every baseline process is reaped");
    }

    @Test
    @Timeout(60)
    void ringsAreMappedInTheirOwnFolderAndEverythingElseStaysInTheTemporaryOne() throws Exception {
        Path mapped = Benchmark.createPrivateDirectory(directory);
        Baselines baselines = new Baselines(directory, mapped);
        assertTrue(baselines.ringThroughput(64, 2_000, false).isOk());
        assertTrue(baselines.agronaPingPong(64, 20).isOk());
        assertTrue(baselines.spoolThroughput(64, 20, false).isOk());
        try (var inMapped = Files.list(mapped); var inTemporary = Files.list(directory)) {
            List<String> mappedNames = inMapped.map(p -> p.getFileName().toString()).sorted().toList();
            List<String> temporaryNames = inTemporary.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(mappedNames.contains("ring-64-1") && mappedNames.stream().anyMatch(n -> n.startsWith("agrona-ping-2")),
                    "the rings: " + mappedNames);
            assertTrue(temporaryNames.stream().anyMatch(n -> n.startsWith("spool-64-3"))
                    && temporaryNames.stream().noneMatch(n -> n.startsWith("ring") || n.startsWith("agrona")),
                    "the spool, no ring: " + temporaryNames);
        }
    }

    @Test
    @Timeout(60)
    void theEchoProgramsExitAtEndOfInputInsteadOfWaitingToBeKilled() {
        for (var echo : List.of(
                Map.entry(MappedRingBaseline.class, List.<String>of()),
                Map.entry(AgronaBaseline.class, AgronaBaseline.JVM_OPTIONS))) {
            ForkedProgram program = ForkedProgram.start("echo", echo.getKey(), echo.getValue(),
                    List.of("echo", directory.resolve("echo-" + echo.getKey().getSimpleName()).toString(), "64"), directory);
            program.close();
            assertFalse(program.wasKilled(), echo.getKey().getSimpleName() + "'s echo had to be killed after stdin closed");
        }
        assertEquals(0, ProcessReaper.liveCount());
    }

    @Test
    @Timeout(60)
    void aMissingEndpointJarIsAFailedFigureThatSaysHowToBuildIt() {
        BenchOptions options = BenchOptions.defaults(directory).withTransports(List.of("shm")).withBaselines(false)
                .withStartup(false).withTempParent(directory);
        BenchResult result = Benchmark.run(options, line -> { });
        assertTrue(result.hasFailures());
        String failure = result.throughput().get(0).measured().failure();
        assertTrue(failure.contains("endpoint jar is not built") && failure.contains("mvn -q -pl impl package"), failure);
        assertEquals(0, ProcessReaper.liveCount());
    }
}
