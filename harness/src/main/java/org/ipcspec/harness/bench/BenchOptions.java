package org.ipcspec.harness.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ipcspec.harness.spec.Vocabulary;

/**
 * What to measure. Counts are sized so that each batch takes about one to three seconds with the
 * reference implementation on a small machine; {@code scale} multiplies all of them (0.1 for a
 * quick look), and {@code counts} overrides single ones.
 *
 * <p>Count keys: {@code <transport>:<size>} (throughput batch, for instance {@code shm:64}),
 * {@code <transport>:latency} (round trips), {@code baseline:<size>} (raw throughput loops),
 * {@code baseline:ping} (raw socket round trips, and the shm and Agrona ones),
 * {@code baseline:file:<size>} (raw file-spool loop).
 *
 * @param command    the endpoint's argv; nothing is appended to it
 * @param env        extra environment for the endpoint
 * @param transports transports to measure, in order
 * @param sizes      message sizes of the throughput rows, in bytes (at least 24)
 * @param scale      multiplies every default count
 * @param counts     overrides, by count key
 * @param starts     start-ups timed for the start-up median (each of the endpoint and the bare JVM)
 * @param baselines  whether to run the plain-Java baselines
 * @param startup    whether to time start-up
 * @param tempParent where the run's private folder (all channel addresses) is created; its file
 *                   system matters to shm and file figures (a disk file system or tmpfs)
 */
public record BenchOptions(List<String> command, Map<String, String> env, List<String> transports, List<Integer> sizes,
                           double scale, Map<String, Long> counts, int starts, boolean baselines, boolean startup,
                           Path tempParent) {

    public static final List<String> DEFAULT_TRANSPORTS = Vocabulary.TRANSPORTS;
    public static final List<Integer> DEFAULT_SIZES = List.of(64, 4096);
    /** The endpoint's capacity in throughput runs: large, so the sender rarely finds the channel full. */
    public static final int CAPACITY = 4096;
    /**
     * Fresh pairs per throughput or round-trip figure, of the endpoints and of each baseline alike,
     * each timing {@link #TIMED_BATCHES} batches; the best batch counts. On a shared 2-core machine
     * one batch of a fraction of a second is at the mercy of whatever else runs; the best of several
     * is what the code can do. Five, not three: 20 raw ring ping-pongs in a row had p50 0.8-1.0 us
     * in 5 and 0.2-0.4 us in the others, 20 raw one-way runs 8-47 M msg/s at 64 B. With three, one
     * measurement drew only slow pairs in 4 of 11 bench runs (the reference's round trip twice, 3.5x
     * the raw ping-pong where it was 1.0-1.4x; the raw ring at 12 M once; the raw ping-pong once).
     * Two more rounds cost the shm rows about 40 s, which the echo programs' exit at stdin EOF gave back.
     */
    public static final int ROUNDS = 5;
    /**
     * Timed batches per pair (each after the pair's warm-up), the best of them its figure. One was
     * too few: a pair does not keep one speed for its life, its batches do not either. Ten 3 M
     * batches of 64 B, one after the other between one pair of reference endpoints, ran 15-36 M
     * msg/s after the warm-up, and the same swings were seen with a 10x longer spin before parking;
     * so a figure of one batch a pair was a draw of the machine's moment, five such draws per figure
     * too few to tell two figures apart (the reference's five batches 16.6-37.5 M in one bench run,
     * the raw ring's 9.1-46.8 M). More batches cost a fraction of a second each, far less than a
     * fresh pair's start and warm-up.
     */
    public static final int TIMED_BATCHES = 3;
    /**
     * Untimed batches of the same count before a throughput or round-trip figure's timed ones
     * (Benchmark explains why), and before a one-way baseline's ({@link TimedBatches} says why).
     */
    public static final int WARMUP_BATCHES = 2;
    /** The untimed batches also last at least this long altogether (Benchmark explains why). */
    public static final Duration WARMUP = Duration.ofSeconds(2);
    /** Size of the latency rows' messages. */
    public static final int LATENCY_BYTES = 64;

    static final String USAGE = String.join("\n",
            "usage: Benchmark [options] [-- endpoint command...]",
            "  --repo DIR           the ipcspec checkout (default: found upwards from the working directory)",
            "  --transports LIST    comma-separated (default shm,file,socket)",
            "  --scale X            multiply every message count (default 1; 0.1 for a quick look)",
            "  --count KEY=N        override one count; KEY is <transport>:<size>, <transport>:latency,",
            "                       baseline:<size> or baseline:ping (repeatable)",
            "  --starts N           start-ups to time (default 20)",
            "  --no-baselines       skip the plain-Java baselines",
            "  --no-startup         skip the start-up timing",
            "  --tmp DIR            parent of the run's private folder of channel addresses (default java.io.tmpdir;",
            "                       /dev/shm puts file channels on tmpfs too; shm channels always go to /dev/shm)",
            "  -- COMMAND...        the endpoint command (default: java -jar <repo>/impl/target/ipcspec-endpoint.jar)");

    public BenchOptions {
        command = List.copyOf(command);
        env = Map.copyOf(env);
        transports = List.copyOf(transports);
        sizes = List.copyOf(sizes);
        counts = Map.copyOf(counts);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the endpoint command is empty");
        }
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive: scale=" + scale);
        }
        for (int size : sizes) {
            if (size < 24) {
                throw new IllegalArgumentException("a generated payload has at least 24 bytes: size=" + size);
            }
        }
        java.util.Objects.requireNonNull(tempParent, "tempParent");
        if (starts < 1) {
            throw new IllegalArgumentException("starts must be at least 1: starts=" + starts);
        }
    }

    /** The defaults, with the reference endpoint of the checkout at {@code repo}. */
    public static BenchOptions defaults(Path repo) {
        return new BenchOptions(defaultCommand(repo), Map.of(), DEFAULT_TRANSPORTS, DEFAULT_SIZES, 1.0, Map.of(), 20, true, true, defaultTempParent());
    }

    static Path defaultTempParent() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    public static List<String> defaultCommand(Path repo) {
        return List.of(javaBinary(), "-jar", endpointJar(repo).toString());
    }

    static Path endpointJar(Path repo) {
        return repo.resolve("impl/target/ipcspec-endpoint.jar").toAbsolutePath().normalize();
    }

    /** The java of this JVM, so baselines and the default endpoint run on the same runtime. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public BenchOptions withCommand(List<String> newCommand) {
        return new BenchOptions(newCommand, env, transports, sizes, scale, counts, starts, baselines, startup, tempParent);
    }

    public BenchOptions withTransports(List<String> newTransports) {
        return new BenchOptions(command, env, newTransports, sizes, scale, counts, starts, baselines, startup, tempParent);
    }

    public BenchOptions withScale(double newScale) {
        return new BenchOptions(command, env, transports, sizes, newScale, counts, starts, baselines, startup, tempParent);
    }

    public BenchOptions withCount(String key, long count) {
        Map<String, Long> more = new LinkedHashMap<>(counts);
        more.put(key, count);
        return new BenchOptions(command, env, transports, sizes, scale, more, starts, baselines, startup, tempParent);
    }

    public BenchOptions withStarts(int newStarts) {
        return new BenchOptions(command, env, transports, sizes, scale, counts, newStarts, baselines, startup, tempParent);
    }

    public BenchOptions withBaselines(boolean on) {
        return new BenchOptions(command, env, transports, sizes, scale, counts, starts, on, startup, tempParent);
    }

    public BenchOptions withTempParent(Path parent) {
        return new BenchOptions(command, env, transports, sizes, scale, counts, starts, baselines, startup, parent);
    }

    public BenchOptions withStartup(boolean on) {
        return new BenchOptions(command, env, transports, sizes, scale, counts, starts, baselines, on, tempParent);
    }

    /** Messages in one throughput batch of {@code transport} at {@code size} bytes. */
    public long throughputCount(String transport, int size) {
        boolean slow = transport.equals("file");
        long base = size <= 1024 ? (slow ? 8_000 : 3_000_000) : (slow ? 3_000 : 400_000);
        return count(transport + ":" + size, base);
    }

    /** Round trips in one latency run of {@code transport}. */
    public long latencyCount(String transport) {
        return count(transport + ":latency", transport.equals("file") ? 1_000 : 20_000);
    }

    /** Frames or records in one raw throughput loop at {@code size} bytes. */
    public long baselineCount(int size) {
        return count("baseline:" + size, size <= 1024 ? 5_000_000 : 500_000);
    }

    /** Messages in one raw file-spool loop at {@code size} bytes (as many as the file transport's batch). */
    public long spoolBaselineCount(int size) {
        return count("baseline:file:" + size, size <= 1024 ? 8_000 : 3_000);
    }

    /** Round trips of the raw socket ping-pong. */
    public long pingCount() {
        return count("baseline:ping", 50_000);
    }

    private long count(String key, long base) {
        Long given = counts.get(key);
        return given != null ? given : Math.max(10, Math.round(base * scale));
    }

    /** Parses the command line; {@code repo} is used when no {@code --repo} is given. */
    static BenchOptions parse(String[] args, Path workingDirectory) {
        Path repo = null;
        List<String> transports = DEFAULT_TRANSPORTS;
        double scale = 1.0;
        Map<String, Long> counts = new LinkedHashMap<>();
        int starts = 20;
        boolean baselines = true;
        boolean startup = true;
        List<String> command = null;
        Path tempParent = defaultTempParent();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--repo" -> repo = Path.of(value(args, ++i, arg));
                case "--transports" -> transports = splitList(value(args, ++i, arg));
                case "--scale" -> scale = parseDouble(value(args, ++i, arg), arg);
                case "--count" -> {
                    String pair = value(args, ++i, arg);
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--count wants KEY=N, for instance shm:64=500000, not '" + pair + "'");
                    }
                    counts.put(pair.substring(0, eq).toLowerCase(Locale.ROOT), parseLong(pair.substring(eq + 1), arg));
                }
                case "--starts" -> starts = (int) parseLong(value(args, ++i, arg), arg);
                case "--no-baselines" -> baselines = false;
                case "--no-startup" -> startup = false;
                case "--tmp" -> tempParent = Path.of(value(args, ++i, arg));
                case "--" -> {
                    command = List.of(Arrays.copyOfRange(args, i + 1, args.length));
                    i = args.length;
                }
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        if (command == null || command.isEmpty()) {
            Path root = repo != null ? repo : findRepo(workingDirectory);
            command = defaultCommand(root);
        }
        return new BenchOptions(command, Map.of(), transports, DEFAULT_SIZES, scale, counts, starts, baselines, startup, tempParent);
    }

    /** The nearest directory at or above {@code from} that holds {@code impl/pom.xml}; {@code from} if none. */
    static Path findRepo(Path from) {
        for (Path dir = from.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("impl/pom.xml"))) {
                return dir;
            }
        }
        return from.toAbsolutePath();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " wants a value");
        }
        return args[i];
    }

    private static List<String> splitList(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    private static double parseDouble(String text, String option) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " wants a number, not '" + text + "'");
        }
    }

    private static long parseLong(String text, String option) {
        try {
            return Long.parseLong(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " wants an integer, not '" + text + "'");
        }
    }
}
