package org.ipcspec.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;
import org.ipcspec.harness.report.RunSummary;
import org.ipcspec.harness.spec.ScenarioTags;

/** The matrix is drawn from the shards' summary.json files, merged; nothing is read out of Allure's pages. */
class ReportMatrixTest {

    @Test
    void drawsTheMatrixFromTheShardsSummariesAndWritesTheMergedOne(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one.json");
        Path two = dir.resolve("two.json");
        new RunSummary("mine", "1", "p", Duration.ZERO, List.of(result("A sync send stays blocked (shm)", Outcome.FAILED, "shm")), Map.of())
                .write(one);
        new RunSummary("mine", "1", "p", Duration.ZERO, List.of(result("A sync send stays blocked (file)", Outcome.PASSED, "file")), Map.of())
                .write(two);
        Path out = Files.createDirectories(dir.resolve("merged"));

        Path matrix = ReportMatrix.write(List.of(one, two), out, "allure-report/index.html");

        String page = Files.readString(matrix);
        assertTrue(page.contains("ipcspec conformance: mine"), page);
        assertTrue(page.contains("A sync send stays blocked (shm)"), page);
        assertTrue(page.contains("A sync send stays blocked (file)"), page);
        assertTrue(page.contains("href=\"allure-report/index.html\""), page);
        assertEquals(2, RunSummary.read(out.resolve("summary.json")).scenarios().size());
    }

    private static ScenarioResult result(String name, Outcome outcome, String transport) {
        return new ScenarioResult(name, "features/blocking.feature:22", ScenarioTags.of(List.of("S1", transport, "sync-send", "sync-receive")),
                outcome, "", Duration.ZERO, "");
    }
}
