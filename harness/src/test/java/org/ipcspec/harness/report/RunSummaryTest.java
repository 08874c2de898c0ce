package org.ipcspec.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ipcspec.harness.check.Figure;
import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;
import org.ipcspec.harness.spec.ScenarioTags;

/** summary.json: what it holds, that it reads back as written, and that it agrees with the terminal's table. */
class RunSummaryTest {

    @TempDir
    Path dir;

    private static ScenarioResult result(String name, String location, Outcome outcome, String reason, String... tags) {
        return new ScenarioResult(name, location, ScenarioTags.of(List.of(tags)), outcome, reason, Duration.ofMillis(1234), "");
    }

    private static final List<ScenarioResult> RESULTS = List.of(
            result("blocked (shm)", "features/blocking.feature:22", Outcome.PASSED, "", "S1", "shm", "sync-send", "sync-receive"),
            result("blocked (file)", "features/blocking.feature:32", Outcome.FAILED, "S1 violated: send ended early",
                    "S1", "O1", "file", "sync-send", "sync-receive"),
            result("fast (shm)", "features/throughput.feature:9", Outcome.PASSED, "", "THROUGHPUT", "shm", "async-send", "sync-receive"),
            result("hello", "features/protocol.feature:5", Outcome.UNSUPPORTED, "no such op", "protocol"));

    private RunSummary summary() {
        return new RunSummary("mine", "1.2", "mine.yaml", Duration.ofSeconds(3), RESULTS,
                Map.of("features/throughput.feature:9", List.of(new Figure("throughput shm 64 B", 1.5e6, "msg/s", ">=", 1e5, true))));
    }

    @Test
    void holdsEveryScenarioItsCellsAndFiguresUnderAVersion() throws IOException {
        Path file = dir.resolve("summary.json");
        summary().write(file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertEquals("ipcspec-summary", root.path("format").asText());
        assertEquals(1, root.path("version").asInt());
        assertEquals("mine", root.path("implementation").path("name").asText());
        assertEquals(1, root.path("exit_status").asInt());
        assertEquals(2, root.path("totals").path("passed").asInt());
        assertEquals(0, root.path("totals").path("broken").asInt());
        JsonNode failed = root.path("scenarios").get(1);
        assertEquals("failed", failed.path("outcome").asText());
        assertEquals("features/blocking.feature:32", failed.path("location").asText());
        assertEquals("[\"S1\",\"O1\"]", failed.path("rules").toString());
        assertEquals("file", failed.path("transport").asText());
        assertEquals("sync-send/sync-receive", failed.path("combination").asText());
        assertEquals(1234, failed.path("duration_ms").asInt());
        assertEquals("S1 violated: send ended early", failed.path("reason").asText());
        JsonNode figure = root.path("scenarios").get(2).path("figures").get(0);
        assertEquals(1e5, figure.path("threshold").asDouble());
        assertTrue(figure.path("met").asBoolean());
        // The failed scenario checks S1 and O1: a cell in each row.
        long fileCells = 0;
        for (JsonNode cell : root.path("cells")) {
            if (cell.path("transport").asText().equals("file")) {
                fileCells++;
                assertEquals("failed", cell.path("outcome").asText());
                assertEquals(1, cell.path("counts").path("failed").asInt());
            }
        }
        assertEquals(2, fileCells);
    }

    @Test
    void readsBackAsWrittenAndDrawsTheSameTable() throws IOException {
        Path file = dir.resolve("summary.json");
        summary().write(file);
        RunSummary read = RunSummary.read(file);
        assertEquals(SummaryTable.render(RESULTS), SummaryTable.render(read.scenarios()));
        assertEquals(MatrixPage.render("t", RESULTS), MatrixPage.render("t", read.scenarios()));
        assertEquals(summary().figures(), read.figures());
        assertEquals(RESULTS.get(1).message(), read.scenarios().get(1).message());
    }

    @Test
    void anotherVersionIsRefusedByName() throws IOException {
        Path file = Files.writeString(dir.resolve("summary.json"), "{\"format\":\"ipcspec-summary\",\"version\":99}");
        IOException e = assertThrows(IOException.class, () -> RunSummary.read(file));
        assertTrue(e.getMessage().contains("version=99"), e.getMessage());
    }

    @Test
    void shardsMergeIntoOne() {
        RunSummary a = new RunSummary("mine", "1", "p", Duration.ofSeconds(2), RESULTS.subList(0, 2), Map.of());
        RunSummary b = new RunSummary("mine", "1", "p", Duration.ofSeconds(5), RESULTS.subList(2, 4), Map.of());
        RunSummary merged = RunSummary.merge(List.of(a, b));
        assertEquals(RESULTS, merged.scenarios());
        assertEquals(Duration.ofSeconds(5), merged.wallTime());
    }
}
