package org.ipcspec.harness.profile;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ipcspec.harness.spec.Spelling;
import org.ipcspec.harness.spec.Vocabulary;

/**
 * Reads a profile through SnakeYAML's node API (safe: no object construction), so every error can
 * name the line of the offending key. Everything is checked before anything is used: unknown keys
 * (with the closest known spelling), wrong types, missing keys, negative bounds, unknown transports.
 *
 * <p>Paths in {@code command}: an argument that starts with {@code ./} or {@code ../} is a path
 * relative to the profile's folder and is made absolute; {@code ${profile_dir}} anywhere in an
 * argument or an {@code env} value is replaced by the profile's folder. Nothing else is touched, so
 * {@code java} is still looked up on PATH.
 */
final class ProfileLoader {

    static final String PROFILE_DIR = "${profile_dir}";

    private static final List<String> TOP = List.of("name", "command", "env", "transports", "timing", "thresholds",
            "defaults", "wire", "waivers");
    private static final List<String> WAIVER = List.of("scenario", "rule", "transport", "reason", "issue");
    private static final List<String> TIMING = List.of("non_blocking_ms", "blocked_ms", "crash_ms", "start_ms",
            "timeout_tolerance_ms");
    private static final List<String> THRESHOLD = List.of("min_messages_per_second", "max_p99_latency_us", "latency",
            "round_trip", "request_reply");
    private static final List<String> PERCENTILE_BOUNDS = List.of("max_p50_us", "max_p99_us", "max_p999_us");
    private static final List<String> LATENCY = List.of("rate", "max_p50_us", "max_p99_us", "max_p999_us");
    private static final List<String> DEFAULTS = List.of("bulk_count", "sample_every");

    private final String file;
    private final Path dir;

    private ProfileLoader(Path file) {
        this.file = file.toString();
        Path parent = file.toAbsolutePath().normalize().getParent();
        this.dir = parent == null ? Path.of("/") : parent;
    }

    static Profile load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProfileException(file + ": cannot read profile: " + e);
        }
        return parse(text, file);
    }

    static Profile parse(String yaml, Path file) {
        return new ProfileLoader(file).read(yaml, file.toAbsolutePath().normalize());
    }

    private Profile read(String yaml, Path absolute) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options), new org.yaml.snakeyaml.representer.Representer(
                    new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), options)
                    .compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = m == null ? file : file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
            throw new ProfileException(where + ": YAML syntax error: " + e.getProblem()
                    + (e.getContext() != null ? " (" + e.getContext() + ")" : ""), e);
        } catch (YAMLException e) {
            throw new ProfileException(file + ": YAML error: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new ProfileException(file + ": the profile is empty; it needs at least " + required(TOP));
        }
        Map<String, NodeTuple> top = mapping(root, "", TOP);
        require(root, top, "", "name", "command", "transports", "timing");

        String name = string(top.get("name").getValueNode(), "name");
        List<String> command = new ArrayList<>();
        Node cmd = top.get("command").getValueNode();
        if (!(cmd instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            throw error(cmd, "command", "must be a non-empty list of arguments, e.g. [java, -jar, ../impl/target/ipcspec-endpoint.jar]");
        }
        for (int i = 0; i < seq.getValue().size(); i++) {
            command.add(resolve(string(seq.getValue().get(i), "command[" + i + "]")));
        }

        Map<String, String> env = new LinkedHashMap<>();
        if (top.containsKey("env")) {
            for (NodeTuple t : tuples(top.get("env").getValueNode(), "env")) {
                String key = keyOf(t, "env");
                env.put(key, string(t.getValueNode(), "env." + key).replace(PROFILE_DIR, dir.toString()));
            }
        }

        List<String> transports = new ArrayList<>();
        Node tn = top.get("transports").getValueNode();
        if (!(tn instanceof SequenceNode tseq) || tseq.getValue().isEmpty()) {
            throw error(tn, "transports", "must be a non-empty list, e.g. [shm, file, socket]");
        }
        for (int i = 0; i < tseq.getValue().size(); i++) {
            Node n = tseq.getValue().get(i);
            transports.add(transport(n, string(n, "transports[" + i + "]"), "transports[" + i + "]"));
        }

        Node timingNode = top.get("timing").getValueNode();
        Map<String, NodeTuple> timing = mapping(timingNode, "timing", TIMING);
        require(timingNode, timing, "timing", "non_blocking_ms", "blocked_ms", "crash_ms");
        long nonBlocking = bound(timing, "timing", "non_blocking_ms", -1);
        long blocked = bound(timing, "timing", "blocked_ms", -1);
        long crash = bound(timing, "timing", "crash_ms", -1);
        long start = bound(timing, "timing", "start_ms", Bounds.DEFAULT_START_MS);
        long tolerance = bound(timing, "timing", "timeout_tolerance_ms", Bounds.DEFAULT_TIMEOUT_TOLERANCE_MS);
        Bounds bounds = new Bounds(nonBlocking, blocked, crash, start, tolerance, Map.of());

        if (top.containsKey("thresholds")) {
            for (NodeTuple t : tuples(top.get("thresholds").getValueNode(), "thresholds")) {
                String transport = transport(t.getKeyNode(), keyOf(t, "thresholds"), "thresholds");
                if (!transports.contains(transport)) {
                    throw error(t.getKeyNode(), "thresholds." + transport,
                            "thresholds for a transport that 'transports' does not claim " + transports);
                }
                for (NodeTuple s : tuples(t.getValueNode(), "thresholds." + transport)) {
                    String path = "thresholds." + transport + "." + keyOf(s, "thresholds." + transport);
                    int size = (int) integer(s.getKeyNode(), path, "a message size in bytes, e.g. 64 or 4096");
                    if (size < 24) {
                        throw error(s.getKeyNode(), path, "message size must be at least 24 bytes, got " + size);
                    }
                    Map<String, NodeTuple> th = mapping(s.getValueNode(), path, THRESHOLD);
                    if (th.isEmpty()) {
                        throw error(s.getValueNode(), path, "needs at least one of " + THRESHOLD);
                    }
                    Double min = th.containsKey("min_messages_per_second")
                            ? positive(th.get("min_messages_per_second").getValueNode(), path + ".min_messages_per_second") : null;
                    Double p99 = th.containsKey("max_p99_latency_us")
                            ? positive(th.get("max_p99_latency_us").getValueNode(), path + ".max_p99_latency_us") : null;
                    LatencyBounds latency = th.containsKey("latency")
                            ? latencyBounds(th.get("latency").getValueNode(), path + ".latency", true) : null;
                    LatencyBounds roundTrip = th.containsKey("round_trip")
                            ? latencyBounds(th.get("round_trip").getValueNode(), path + ".round_trip", false) : null;
                    LatencyBounds requestReply = th.containsKey("request_reply")
                            ? latencyBounds(th.get("request_reply").getValueNode(), path + ".request_reply", false) : null;
                    bounds = bounds.withThreshold(transport, size, new Threshold(min, p99, latency, roundTrip, requestReply));
                }
            }
        }

        Map<String, String> wire = top.containsKey("wire") ? wire(top.get("wire").getValueNode(), transports) : Map.of();

        Map<String, Long> bulk = new LinkedHashMap<>();
        long sampleEvery = Profile.DEFAULT_SAMPLE_EVERY;
        if (top.containsKey("defaults")) {
            Map<String, NodeTuple> d = mapping(top.get("defaults").getValueNode(), "defaults", DEFAULTS);
            if (d.containsKey("bulk_count")) {
                for (NodeTuple t : tuples(d.get("bulk_count").getValueNode(), "defaults.bulk_count")) {
                    String transport = transport(t.getKeyNode(), keyOf(t, "defaults.bulk_count"), "defaults.bulk_count");
                    String path = "defaults.bulk_count." + transport;
                    long count = integer(t.getValueNode(), path, "a whole number of messages");
                    if (count <= 0) {
                        throw error(t.getValueNode(), path, "must be positive, got " + count);
                    }
                    bulk.put(transport, count);
                }
            }
            sampleEvery = bound(d, "defaults", "sample_every", Profile.DEFAULT_SAMPLE_EVERY);
        }
        List<Waiver> waivers = top.containsKey("waivers") ? waivers(top.get("waivers").getValueNode()) : List.of();
        return new Profile(absolute, name, command, env, transports, bounds, bulk, sampleEvery, wire, waivers);
    }

    /**
     * {@code waivers}: a list of expected failures, each a {@code scenario} (name or FILE:LINE) or a
     * {@code rule} with its {@code transport}, with a {@code reason} and optionally an {@code issue} link.
     * Whether a waiver names a scenario that exists is checked against the features at run time.
     */
    private List<Waiver> waivers(Node node) {
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, "waivers", "must be a list of waivers, each '- scenario: ...' or '- rule: ...' with a reason");
        }
        List<Waiver> waivers = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            String path = "waivers[" + (i + 1) + "]";
            Map<String, NodeTuple> w = mapping(item, path, WAIVER);
            require(item, w, path, "reason");
            String scenario = w.containsKey("scenario") ? string(w.get("scenario").getValueNode(), path + ".scenario") : null;
            String rule = w.containsKey("rule") ? string(w.get("rule").getValueNode(), path + ".rule") : null;
            if ((scenario == null) == (rule == null)) {
                throw error(item, path, scenario == null
                        ? "names nothing: give 'scenario' (a name or FILE:LINE) or 'rule' with 'transport'"
                        : "names both a scenario and a rule; a waiver is one or the other");
            }
            String transport = null;
            if (w.containsKey("transport")) {
                transport = transport(w.get("transport").getValueNode(), string(w.get("transport").getValueNode(), path + ".transport"),
                        path + ".transport");
            }
            if (rule != null) {
                String id = rule;
                if (org.ipcspec.harness.spec.Rule.byId(id).isEmpty()) {
                    String near = Spelling.closest(id, org.ipcspec.harness.spec.Rule.ids());
                    throw error(w.get("rule").getValueNode(), path + ".rule", "unknown rule '" + id + "'"
                            + (near != null ? " (did you mean '" + near + "'?)" : "") + "; rules: " + String.join(", ", org.ipcspec.harness.spec.Rule.ids()));
                }
                if (transport == null) {
                    throw error(item, path + ".transport", "missing: a rule is waived on one transport, e.g. transport: file");
                }
            }
            String reason = string(w.get("reason").getValueNode(), path + ".reason");
            String issue = null;
            if (w.containsKey("issue")) {
                issue = string(w.get("issue").getValueNode(), path + ".issue");
                if (!issue.matches("https?://\\S+")) {
                    throw error(w.get("issue").getValueNode(), path + ".issue", "must be an http(s) link, got '" + issue + "'");
                }
            }
            waivers.add(new Waiver(scenario, rule, transport, reason, issue, item.getStartMark().getLine() + 1));
        }
        return waivers;
    }

    /**
     * {@code latency: {rate, max_p50_us, max_p99_us, max_p999_us}} (rate required) or
     * {@code round_trip:} or {@code request_reply: {max_p50_us, max_p99_us, max_p999_us}}; at least one bound, each positive,
     * and a tail bound no lower than a bound nearer the median (p50 <= p99 <= p999).
     */
    private LatencyBounds latencyBounds(Node node, String path, boolean paced) {
        List<String> known = paced ? LATENCY : PERCENTILE_BOUNDS;
        Map<String, NodeTuple> m = mapping(node, path, known);
        if (paced) {
            require(node, m, path, "rate");
        }
        Long rate = null;
        if (paced) {
            Node r = m.get("rate").getValueNode();
            long v = integer(r, path + ".rate", "a whole number of messages per second");
            if (v <= 0 || v > 1_000_000_000L) {
                throw error(r, path + ".rate", "must be a rate in messages per second in [1, 1000000000], got " + v);
            }
            rate = v;
        }
        if (PERCENTILE_BOUNDS.stream().noneMatch(m::containsKey)) {
            throw error(node, path, "needs at least one of " + String.join(", ", PERCENTILE_BOUNDS));
        }
        Double[] b = new Double[PERCENTILE_BOUNDS.size()];
        Double tightest = null;
        String tightestKey = null;
        for (int i = 0; i < b.length; i++) {
            String key = PERCENTILE_BOUNDS.get(i);
            if (m.containsKey(key)) {
                Node v = m.get(key).getValueNode();
                b[i] = positive(v, path + "." + key);
                if (tightest != null && b[i] < tightest) {
                    throw error(v, path + "." + key, "is " + b[i] + " us, under " + tightestKey + " (" + tightest
                            + " us): a percentile further into the tail cannot be lower");
                }
                tightest = b[i];
                tightestKey = key;
            }
        }
        return new LatencyBounds(rate, b[0], b[1], b[2]);
    }

    /** {@code wire}: claimed transport to wire format name; see {@link WireFormat}. */
    private Map<String, String> wire(Node node, List<String> transports) {
        Map<String, String> wire = new LinkedHashMap<>();
        for (NodeTuple t : tuples(node, "wire")) {
            String transport = transport(t.getKeyNode(), keyOf(t, "wire"), "wire");
            String path = "wire." + transport;
            if (!transports.contains(transport)) {
                throw error(t.getKeyNode(), path, "a wire format for a transport that 'transports' does not claim "
                        + transports);
            }
            if (wire.containsKey(transport)) {
                throw error(t.getKeyNode(), path, "given twice");   // compose() does not catch duplicates
            }
            Node v = t.getValueNode();
            String value = string(v, path);
            if (!(v instanceof ScalarNode s) || !Tag.STR.equals(s.getTag())) {
                throw error(v, path, "must be a wire format name such as " + WireFormat.DOCUMENTED.get(transport)
                        + "/" + WireFormat.DOCUMENTED_VERSION + ", got " + describe(v));
            }
            String bad = WireFormat.problem(transport, value).orElse(null);
            if (bad != null) {
                throw error(v, path, "value '" + value + "': " + bad);
            }
            wire.put(transport, value);
        }
        return wire;
    }

    private String resolve(String arg) {
        String a = arg.replace(PROFILE_DIR, dir.toString());
        if (a.startsWith("./") || a.startsWith("../")) {
            return dir.resolve(a).normalize().toString();
        }
        return a;
    }

    // ---- node helpers: each failure names file:line and the key's dotted path ----

    private ProfileException error(Node node, String key, String problem) {
        int line = node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
        return new ProfileException(file + ":" + line + ": key '" + key + "': " + problem);
    }

    private List<NodeTuple> tuples(Node node, String path) {
        if (!(node instanceof MappingNode m)) {
            throw error(node, path, "must be a mapping (key: value lines), got " + describe(node));
        }
        return m.getValue();
    }

    private String keyOf(NodeTuple t, String path) {
        Node k = t.getKeyNode();
        if (!(k instanceof ScalarNode s)) {
            throw error(k, path, "keys must be plain words");
        }
        return s.getValue();
    }

    /** A mapping whose keys must come from {@code known}; unknown ones fail with the closest known key. */
    private Map<String, NodeTuple> mapping(Node node, String path, List<String> known) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : tuples(node, path)) {
            String key = keyOf(t, path);
            String full = path.isEmpty() ? key : path + "." + key;
            if (!known.contains(key)) {
                String near = Spelling.closest(key, known);
                throw error(t.getKeyNode(), full, "unknown key" + (near != null ? " (did you mean '" + near + "'?)" : "")
                        + "; known keys here: " + String.join(", ", known));
            }
            if (out.put(key, t) != null) {
                throw error(t.getKeyNode(), full, "given twice");
            }
        }
        return out;
    }

    private void require(Node node, Map<String, NodeTuple> map, String path, String... keys) {
        for (String k : keys) {
            if (!map.containsKey(k)) {
                throw error(node, path.isEmpty() ? k : path + "." + k, "missing; required keys"
                        + (path.isEmpty() ? "" : " of '" + path + "'") + ": " + String.join(", ", keys));
            }
        }
    }

    private static String required(Collection<String> keys) {
        return String.join(", ", keys);
    }

    private String string(Node node, String path) {
        if (node instanceof ScalarNode s && !Tag.NULL.equals(s.getTag()) && !s.getValue().isEmpty()) {
            return s.getValue();
        }
        throw error(node, path, "must be a non-empty text, got " + describe(node));
    }

    private long integer(Node node, String path, String what) {
        if (node instanceof ScalarNode s && Tag.INT.equals(s.getTag())) {
            try {
                return Long.parseLong(s.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw error(node, path, "must be " + what + ", got " + describe(node));
    }

    private long bound(Map<String, NodeTuple> map, String path, String key, long dflt) {
        NodeTuple t = map.get(key);
        if (t == null) {
            return dflt;
        }
        long v = integer(t.getValueNode(), path + "." + key, "a whole number of milliseconds");
        if (v < 0) {
            throw error(t.getValueNode(), path + "." + key, "must not be negative, got " + v);
        }
        return v;
    }

    private Double positive(Node node, String path) {
        if (node instanceof ScalarNode s && (Tag.INT.equals(s.getTag()) || Tag.FLOAT.equals(s.getTag()))) {
            double v;
            try {
                v = Double.parseDouble(s.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                throw error(node, path, "must be a number, got " + describe(node));
            }
            if (v <= 0) {
                throw error(node, path, "must be positive, got " + s.getValue());
            }
            return v;
        }
        throw error(node, path, "must be a number, got " + describe(node));
    }

    private String transport(Node node, String name, String path) {
        if (!Vocabulary.TRANSPORTS.contains(name)) {
            String near = Spelling.closest(name, Vocabulary.TRANSPORTS);
            throw error(node, path, "unknown transport '" + name + "'" + (near != null ? " (did you mean '" + near + "'?)" : "")
                    + "; known transports: " + String.join(", ", Vocabulary.TRANSPORTS));
        }
        return name;
    }

    private static String describe(Node node) {
        if (node instanceof ScalarNode s) {
            return Tag.NULL.equals(s.getTag()) ? "nothing" : "'" + s.getValue() + "'";
        }
        return node instanceof SequenceNode ? "a list" : "a mapping";
    }
}
