package org.ipcspec.harness.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;
import org.ipcspec.harness.outcome.SpecError;
import org.ipcspec.harness.report.MatrixPage;
import org.ipcspec.harness.spec.ScenarioTags;

/**
 * The conformance matrix of a generated Allure report, each cell linking to its scenarios' pages
 * in the report. Made from the report rather than from a run, so that the shards of a CI run,
 * merged into one report, get one matrix; and from the report's own data, because the ids its
 * pages are addressed by ({@code #testresult/<uid>}) are made when it is generated.
 *
 * <p>The report is Allure's single-file kind, so that it opens from disk in any browser; its data
 * files are embedded in {@code index.html} as {@code d('data/test-cases/<uid>.json','<base64>')}.
 */
final class ReportMatrix {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEST_CASE = Pattern.compile("d\\('data/test-cases/([0-9a-f]+)\\.json','([A-Za-z0-9+/=]*)'\\)");

    private ReportMatrix() {
    }

    /** Writes {@code matrix.html} beside the report folder and returns its path. */
    static Path write(Path report) throws IOException {
        List<ScenarioResult> rows = new ArrayList<>();
        String implementation = "";
        Matcher cases = TEST_CASE.matcher(Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8));
        while (cases.find()) {
            JsonNode test = JSON.readTree(Base64.getDecoder().decode(cases.group(2)));
            rows.add(row(test, report.getFileName() + "/index.html#testresult/" + cases.group(1)));
            implementation = label(test, "implementation", implementation);
        }
        Path matrix = report.toAbsolutePath().getParent().resolve("matrix.html");
        MatrixPage.write("ipcspec conformance: " + implementation, rows, matrix);
        return matrix;
    }

    static ScenarioResult row(JsonNode test, String link) {
        List<String> tags = new ArrayList<>();
        for (JsonNode label : test.path("labels")) {
            String name = label.path("name").asText();
            if (name.equals("rule") || name.equals("transport")) {
                tags.add(label.path("value").asText());
            } else if (name.equals("combination")) {
                tags.addAll(List.of(label.path("value").asText().split("/")));
            }
        }
        String message = test.path("statusDetails").path("message").asText("");
        return new ScenarioResult(test.path("name").asText(), "", ScenarioTags.of(tags), outcome(test.path("status").asText(), message),
                message, null, link);
    }

    private static String label(JsonNode test, String name, String absent) {
        for (JsonNode label : test.path("labels")) {
            if (label.path("name").asText().equals(name)) {
                return label.path("value").asText();
            }
        }
        return absent;
    }

    /**
     * Allure's statuses; an unsupported scenario is skipped there, and a spec error is broken with
     * the message {@link SpecError} starts with.
     */
    static Outcome outcome(String allureStatus, String message) {
        return switch (allureStatus) {
            case "passed" -> Outcome.PASSED;
            case "failed" -> Outcome.FAILED;
            case "broken" -> message.startsWith(SpecError.PREFIX) ? Outcome.SPEC_ERROR : Outcome.BROKEN;
            case "skipped" -> Outcome.UNSUPPORTED;
            default -> Outcome.SKIPPED;
        };
    }
}
