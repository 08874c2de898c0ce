package org.ipcspec.harness.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;

/**
 * Marks waived scenarios and unexpected passes in the Allure results the run wrote, so the report
 * shows them apart: a waived failure becomes <em>skipped</em> with its waiver's reason first in
 * the message (Allure's category "Waived (known failures)", see {@link AllureCategories}) and the
 * original failure after it; an unexpected pass stays passed with a message saying the waiver is
 * out of date. Both get the tag {@code waived} or {@code unexpected-pass}, and the waiver's issue
 * as an issue link. A result is matched to its scenario by its {@code fullName}, which is the
 * scenario's {@code features/FILE:LINE}.
 */
public final class AllureWaivers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AllureWaivers() {
    }

    /** @return how many result files were marked */
    public static int mark(Path results, List<ScenarioResult> scenarios) throws IOException {
        List<ScenarioResult> marked = scenarios.stream()
                .filter(s -> s.outcome() == Outcome.WAIVED || s.outcome() == Outcome.UNEXPECTED_PASS).toList();
        if (marked.isEmpty() || !Files.isDirectory(results)) {
            return 0;
        }
        int count = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(results, "*-result.json")) {
            for (Path file : files) {
                ObjectNode result = (ObjectNode) JSON.readTree(file.toFile());
                String fullName = result.path("fullName").asText("");
                if (fullName.isEmpty()) {
                    continue;
                }
                for (ScenarioResult s : marked) {
                    if (s.location().equals(fullName) || s.location().endsWith("/" + fullName)) {
                        mark(result, s);
                        JSON.writeValue(file.toFile(), result);
                        count++;
                        break;
                    }
                }
            }
        }
        return count;
    }

    private static void mark(ObjectNode result, ScenarioResult s) {
        boolean waived = s.outcome() == Outcome.WAIVED;
        if (waived) {
            result.put("status", "skipped");
        }
        ObjectNode details = result.has("statusDetails") && result.get("statusDetails").isObject()
                ? (ObjectNode) result.get("statusDetails") : result.putObject("statusDetails");
        details.put("message", s.message());
        details.put("known", waived);
        ArrayNode labels = result.has("labels") ? (ArrayNode) result.get("labels") : result.putArray("labels");
        labels.addObject().put("name", "tag").put("value", s.outcome().word());
        java.util.regex.Matcher issue = java.util.regex.Pattern.compile("https?://[^\\s)]+").matcher(s.message());
        if (issue.find()) {
            ArrayNode links = result.has("links") ? (ArrayNode) result.get("links") : result.putArray("links");
            links.addObject().put("name", "waiver's issue").put("url", issue.group()).put("type", "issue");
        }
    }
}
