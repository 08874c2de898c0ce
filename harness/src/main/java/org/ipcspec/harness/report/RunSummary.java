package org.ipcspec.harness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ipcspec.harness.check.Figure;
import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;
import org.ipcspec.harness.spec.ScenarioTags;
import org.ipcspec.harness.spec.Vocabulary;

/**
 * {@code reports/summary.json}: a run for machines. The format is documented in docs/results.md;
 * {@link #VERSION} changes when a field changes meaning or goes away (new fields may appear
 * within a version). Raw results first, then pages from them (as jcstress does): the matrix page
 * is drawn from this file, so it can be redrawn, or merged across shards, without the run.
 *
 * @param implementation what the hello said, or the profile's name
 * @param version        the implementation's version from its hello
 * @param profile        the profile file the run used
 * @param wallTime       how long the run took
 * @param scenarios      every scenario's result
 * @param figures        measured figures beside their thresholds, by scenario location
 */
public record RunSummary(String implementation, String version, String profile, Duration wallTime,
                         List<ScenarioResult> scenarios, Map<String, List<Figure>> figures) {

    public static final String FORMAT = "ipcspec-summary";
    public static final int VERSION = 1;
    public static final String FILE_NAME = "summary.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RunSummary {
        scenarios = List.copyOf(scenarios);
        figures = Map.copyOf(figures);
    }

    public int exitStatus() {
        return Outcome.exitStatus(scenarios.stream().map(ScenarioResult::outcome).toList());
    }

    public void write(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, JSON.writeValueAsString(toJson()) + "\n", StandardCharsets.UTF_8);
    }

    ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.putObject("implementation").put("name", implementation).put("version", version);
        root.put("profile", profile);
        root.put("wall_time_ms", wallTime.toMillis());
        root.put("exit_status", exitStatus());
        counts(root.putObject("totals"), Columns.totals(scenarios));
        ArrayNode list = root.putArray("scenarios");
        for (ScenarioResult r : scenarios) {
            ObjectNode s = list.addObject();
            s.put("name", r.name());
            s.put("location", r.location());
            s.put("outcome", r.outcome().word());
            ArrayNode rules = s.putArray("rules");
            r.rules().forEach(rules::add);
            s.put("transport", r.transport());
            s.put("combination", r.combination());
            s.put("duration_ms", r.duration().toMillis());
            s.put("reason", r.message());
            ArrayNode measured = s.putArray("figures");
            for (Figure f : figures.getOrDefault(r.location(), List.of())) {
                measured.addObject().put("name", f.name()).put("value", f.value()).put("unit", f.unit())
                        .put("relation", f.relation()).put("threshold", f.threshold()).put("met", f.ok());
            }
        }
        ArrayNode cells = root.putArray("cells");
        for (MatrixCell cell : MatrixCell.of(scenarios).values()) {
            ObjectNode c = cells.addObject();
            c.put("rule", cell.rule());
            c.put("transport", cell.transport());
            c.put("combination", cell.combination());
            c.put("outcome", cell.worst().word());
            counts(c.putObject("counts"), cell.counts());
        }
        return root;
    }

    /** Every outcome's count, zeros included, so a reader need not know which outcomes exist. */
    private static void counts(ObjectNode into, Map<Outcome, Long> counts) {
        for (Outcome o : Outcome.values()) {
            into.put(o.word(), counts.getOrDefault(o, 0L));
        }
    }

    /** Reads a summary written by this or an older compatible version; a file of another format or version is refused by name. */
    public static RunSummary read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (!FORMAT.equals(root.path("format").asText()) || root.path("version").asInt(-1) != VERSION) {
            throw new IOException(file + ": not an " + FORMAT + " version " + VERSION + " file (format=" + root.path("format").asText("?")
                    + " version=" + root.path("version").asText("?") + ")");
        }
        List<ScenarioResult> scenarios = new ArrayList<>();
        java.util.Map<String, List<Figure>> figures = new java.util.HashMap<>();
        for (JsonNode s : root.path("scenarios")) {
            List<String> tags = new ArrayList<>();
            s.path("rules").forEach(r -> tags.add(r.asText()));
            String transport = s.path("transport").asText(Vocabulary.NONE);
            if (!Vocabulary.NONE.equals(transport)) {
                tags.add(transport);
            }
            String combination = s.path("combination").asText(Vocabulary.NONE);
            if (!Vocabulary.NONE.equals(combination)) {
                tags.addAll(List.of(combination.split("/")));
            }
            String location = s.path("location").asText("");
            scenarios.add(new ScenarioResult(s.path("name").asText(), location, ScenarioTags.of(tags),
                    outcome(file, s.path("outcome").asText()), s.path("reason").asText(""),
                    Duration.ofMillis(s.path("duration_ms").asLong()), ""));
            List<Figure> measured = new ArrayList<>();
            for (JsonNode f : s.path("figures")) {
                measured.add(new Figure(f.path("name").asText(), f.path("value").asDouble(), f.path("unit").asText(),
                        f.path("relation").asText(), f.path("threshold").asDouble(), f.path("met").asBoolean()));
            }
            if (!measured.isEmpty()) {
                figures.put(location, measured);
            }
        }
        return new RunSummary(root.path("implementation").path("name").asText(""), root.path("implementation").path("version").asText(""),
                root.path("profile").asText(""), Duration.ofMillis(root.path("wall_time_ms").asLong()), scenarios, figures);
    }

    /** Joins the summaries of a run's shards: their scenarios, the first one's implementation, the longest wall time. */
    public static RunSummary merge(List<RunSummary> shards) {
        if (shards.size() == 1) {
            return shards.get(0);
        }
        List<ScenarioResult> scenarios = new ArrayList<>();
        java.util.Map<String, List<Figure>> figures = new java.util.HashMap<>();
        Duration wall = Duration.ZERO;
        for (RunSummary shard : shards) {
            scenarios.addAll(shard.scenarios());
            figures.putAll(shard.figures());
            wall = wall.compareTo(shard.wallTime()) >= 0 ? wall : shard.wallTime();
        }
        RunSummary first = shards.get(0);
        return new RunSummary(first.implementation(), first.version(), first.profile(), wall, scenarios, figures);
    }

    private static Outcome outcome(Path file, String word) {
        try {
            return Outcome.valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": unknown outcome '" + word + "'");
        }
    }
}
