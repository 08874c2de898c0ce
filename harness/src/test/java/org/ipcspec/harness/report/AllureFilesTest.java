package org.ipcspec.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ipcspec.harness.outcome.SpecError;

class AllureFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesCategoriesAsAllure2ReadsThem() throws Exception {
        Path file = AllureCategories.write(dir);
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        assertTrue(json.isArray());
        assertEquals(7, json.size());
        List<String> names = new ArrayList<>();
        json.forEach(c -> names.add(c.get("name").asText()));
        assertEquals(List.of("Conformance failures", "Waived (known failures)", "Unexpected passes (a waiver to remove)",
            "Unsupported by the implementation", "Errors in the spec",
            "Implementation broken (crash, no hello, garbage)", "Harness or environment error"), names);
        assertEquals("failed", json.get(0).get("matchedStatuses").get(0).asText());
        assertEquals("skipped", json.get(1).get("matchedStatuses").get(0).asText());
        assertEquals("passed", json.get(2).get("matchedStatuses").get(0).asText());
        assertEquals("skipped", json.get(3).get("matchedStatuses").get(0).asText());
        assertEquals("broken", json.get(4).get("matchedStatuses").get(0).asText());
        assertEquals("broken", json.get(5).get("matchedStatuses").get(0).asText());
        assertFalse(json.get(6).has("messageRegex"), "the last category takes every other broken result");
    }

    /** Allure 2's rule: the first category whose statuses hold the status and whose regex matches the whole message. */
    private static String categorise(JsonNode categories, String status, String message) {
        for (JsonNode c : categories) {
            boolean statusMatches = false;
            for (JsonNode s : c.get("matchedStatuses")) {
                statusMatches |= s.asText().equals(status);
            }
            JsonNode regex = c.get("messageRegex");
            if (statusMatches && (regex == null || (message != null && message.matches(regex.asText())))) {
                return c.get("name").asText();
            }
        }
        return null;
    }

    @Test
    void separatesConformanceFailuresFromBrokenRuns() throws Exception {
        JsonNode json = new ObjectMapper().readTree(AllureCategories.json());
        assertEquals("Conformance failures", categorise(json, "failed", "S1 violated: send #2 ended ok at 35 ms before any receive began"));
        assertEquals("Conformance failures", categorise(json, "failed", "rule O2 was violated\nseq 7 never collected\nat ..."));
        assertEquals("Conformance failures", categorise(json, "failed", "THROUGHPUT violated: 1.2 M msg/s < 2 M msg/s"));
        assertNull(categorise(json, "failed", "expected <1> but was <2>"), "no rule id: Allure's default Product defects");
        assertNull(categorise(json, "failed", "S10 violated"), "rule ids are whole words");
        assertEquals("Unsupported by the implementation", categorise(json, "skipped", "transport file not claimed by the profile"));
        assertEquals("Implementation broken (crash, no hello, garbage)",
            categorise(json, "broken", "the sender endpoint (pid 4242) broke: no hello within 5000 ms; it exited with code 1\n--- its stderr ---\nboom"));
        assertEquals("Errors in the spec", categorise(json, "broken", new SpecError("features/x.feature:4: no such step").getMessage()));
        assertEquals("Harness or environment error", categorise(json, "broken", "java.io.IOException: No space left on device"));
        assertEquals("Harness or environment error", categorise(json, "broken", "cannot start the sender: command=[x]: No such file"));
        assertNull(categorise(json, "passed", "S1 violated"));
        assertEquals("Waived (known failures)", categorise(json, "skipped", "waived (known; https://x/7): S1 violated: early\nmore"));
        assertEquals("Unexpected passes (a waiver to remove)", categorise(json, "passed", "unexpected pass: the profile waives rule S1 on shm"));
    }

    @Test
    void writesEnvironmentPropertiesThatLoadBack() throws Exception {
        Map<String, String> env = new LinkedHashMap<>(AllureEnvironment.standard("ipcspec-reference", "0.1.0", Path.of("profiles/reference.yaml")));
        env.put("odd key=:#!", " leading space, unicode \u00e9\u4e2d, backslash \\ and\nnewline");
        Path file = AllureEnvironment.write(dir, env);
        Properties loaded = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            loaded.load(in);
        }
        assertEquals(env.size(), loaded.size());
        env.forEach((k, v) -> assertEquals(v, loaded.getProperty(k), k));
        assertEquals(List.of("implementation", "implementation.version", "jvm", "kernel", "cores", "profile", "odd key=:#!"),
            List.copyOf(env.keySet()));
        assertEquals(Integer.toString(Runtime.getRuntime().availableProcessors()), loaded.getProperty("cores"));
        assertTrue(loaded.getProperty("kernel").startsWith(System.getProperty("os.name")));
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(0).startsWith("implementation="), "entries keep their order");
        for (byte b : Files.readAllBytes(file)) {
            assertTrue(b >= 0, "pure ASCII");
        }
    }
}
