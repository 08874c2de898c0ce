package org.ipcspec.harness.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix made from a single-file Allure report links each scenario to its page in it. */
class ReportMatrixTest {

    @Test
    void readsTheEmbeddedTestCasesAndLinksToThem(@TempDir Path dir) throws Exception {
        Path report = Files.createDirectories(dir.resolve("allure-report"));
        String failed = "{\"uid\":\"abc123\",\"name\":\"A sync send stays blocked (shm)\",\"status\":\"failed\",\"labels\":["
                + "{\"name\":\"rule\",\"value\":\"S1\"},{\"name\":\"transport\",\"value\":\"shm\"},"
                + "{\"name\":\"combination\",\"value\":\"sync-send/sync-receive\"},{\"name\":\"implementation\",\"value\":\"mine\"}]}";
        String skipped = "{\"uid\":\"def456\",\"name\":\"A sync send stays blocked (file)\",\"status\":\"skipped\",\"labels\":["
                + "{\"name\":\"rule\",\"value\":\"S1\"},{\"name\":\"transport\",\"value\":\"file\"}]}";
        Files.writeString(report.resolve("index.html"), "<html><script>" + embed("abc123", failed) + ";" + embed("def456", skipped)
                + ";d('data/attachments/x.svg','PHN2Zz4=')</script></html>", StandardCharsets.UTF_8);

        Path matrix = ReportMatrix.write(report);

        String page = Files.readString(matrix);
        assertTrue(page.contains("allure-report/index.html#testresult/abc123"), page);
        assertTrue(page.contains("allure-report/index.html#testresult/def456"), page);
        assertTrue(page.contains("ipcspec conformance: mine"), page);
        assertTrue(page.contains("A sync send stays blocked (shm)"), page);
    }

    private static String embed(String uid, String json) {
        return "d('data/test-cases/" + uid + ".json','" + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)) + "')";
    }
}
