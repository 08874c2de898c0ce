package org.ipcspec.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ipcspec.harness.report.MatrixPage;
import org.ipcspec.harness.report.Outcome;
import org.ipcspec.harness.report.ScenarioResult;

/**
 * The conformance matrix of a generated Allure report, each cell linking to its scenarios' pages
 * in the report. Made from the report rather than from a run, so that the shards of a CI run,
 * merged into one report, get one matrix.
 */
final class ReportMatrix {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportMatrix() {
    }

    /** Writes {@code matrix.html} beside the report folder and returns its path. */
    static Path write(Path report) throws IOException {
        List<ScenarioResult> rows = new ArrayList<>();
        String implementation = "";
        try (Stream<Path> cases = Files.list(report.resolve("data/test-cases"))) {
            for (Path file : cases.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode test = JSON.readTree(file.toFile());
                List<String> rules = new ArrayList<>();
                String transport = ScenarioResult.NOT_APPLICABLE;
                String combination = null;
                for (JsonNode label : test.path("labels")) {
                    String value = label.path("value").asText();
                    switch (label.path("name").asText()) {
                        case "rule" -> rules.add(value);
                        case "transport" -> transport = value;
                        case "combination" -> combination = value;
                        case "implementation" -> implementation = value;
                        default -> {
                        }
                    }
                }
                rows.add(new ScenarioResult(test.path("name").asText(), rules, transport, combination,
                        outcome(test.path("status").asText()),
                        report.getFileName() + "/index.html#testresult/" + test.path("uid").asText()));
            }
        }
        Path matrix = report.toAbsolutePath().getParent().resolve("matrix.html");
        MatrixPage.write("ipcspec conformance: " + implementation, rows, matrix);
        return matrix;
    }

    /** Allure's statuses; an unsupported scenario is skipped there. */
    static Outcome outcome(String allureStatus) {
        return switch (allureStatus) {
            case "passed" -> Outcome.PASSED;
            case "failed" -> Outcome.FAILED;
            case "broken" -> Outcome.BROKEN;
            case "skipped" -> Outcome.UNSUPPORTED;
            default -> Outcome.SKIPPED;
        };
    }
}
