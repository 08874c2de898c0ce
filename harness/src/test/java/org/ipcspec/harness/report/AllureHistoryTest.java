package org.ipcspec.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report remembers: the last report's history goes into the next results; executor.json names who ran it. */
class AllureHistoryTest {

    @TempDir
    Path dir;

    @Test
    void carriesTheHistoryEmbeddedInASingleFileReport() throws Exception {
        Path report = Files.createDirectories(dir.resolve("allure-report"));
        String trend = "[{\"buildOrder\":1,\"data\":{\"passed\":1,\"total\":1}}]";
        Files.writeString(report.resolve("index.html"), "<script>d('history/history-trend.json','"
                + Base64.getEncoder().encodeToString(trend.getBytes(StandardCharsets.UTF_8))
                + "');d('widgets/summary.json','e30=')</script>");
        Path results = Files.createDirectories(dir.resolve("allure-results"));
        assertEquals(1, AllureHistory.carry(report, results));
        assertEquals(trend, Files.readString(results.resolve("history/history-trend.json")));
    }

    @Test
    void carriesAHistoryFolderAndNothingWhenThereWasNoReport() throws Exception {
        Path report = Files.createDirectories(dir.resolve("allure-report/history"));
        Files.writeString(report.resolve("history.json"), "{}");
        Path results = dir.resolve("allure-results");
        assertEquals(1, AllureHistory.carry(report.getParent(), results));
        assertEquals(0, AllureHistory.carry(dir.resolve("none"), results));
    }

    @Test
    void theExecutorIsTheCiBuildInCiAndTheMachineOtherwise() {
        ObjectNode github = AllureExecutor.of(Map.of("GITHUB_ACTIONS", "true", "GITHUB_REPOSITORY", "me/impl", "GITHUB_RUN_ID", "99",
                "GITHUB_RUN_NUMBER", "12", "GITHUB_WORKFLOW", "conformance"), "box", 1000);
        assertEquals("github", github.path("type").asText());
        assertEquals("https://github.com/me/impl/actions/runs/99", github.path("buildUrl").asText());
        assertEquals(12, github.path("buildOrder").asLong());
        assertEquals("conformance #12", github.path("buildName").asText());
        ObjectNode jenkins = AllureExecutor.of(Map.of("JENKINS_URL", "http://ci/", "BUILD_NUMBER", "5", "BUILD_URL", "http://ci/job/5/"),
                "box", 1000);
        assertEquals("http://ci/job/5/", jenkins.path("buildUrl").asText());
        ObjectNode local = AllureExecutor.of(Map.of(), "box", 1000);
        assertEquals("box", local.path("name").asText());
        assertEquals("local", local.path("type").asText());
        assertEquals(1000, local.path("buildOrder").asLong());
    }
}
