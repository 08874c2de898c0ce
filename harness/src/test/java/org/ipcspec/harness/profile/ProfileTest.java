package org.ipcspec.harness.profile;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileTest {

    private static final Path FILE = Path.of("/work/profiles/impl.yaml");

    private static final String GOOD = """
            name: demo
            command: [python3, ./endpoint.py, --flag, "${profile_dir}/data", ../bin/x, /usr/bin/y]
            env: {PYTHONUNBUFFERED: "1", HOME_DIR: "${profile_dir}"}
            transports: [shm, socket]
            timing:
              non_blocking_ms: 250
              blocked_ms: 300
              crash_ms: 5000
            thresholds:
              shm:
                64: {min_messages_per_second: 1000000, max_p99_latency_us: 200.5}
                4096: {min_messages_per_second: 100000}
            defaults:
              bulk_count: {shm: 5000}
              sample_every: 100
            """;

    private static String fails(String yaml) {
        return assertThrows(ProfileException.class, () -> Profile.parse(yaml, FILE)).getMessage();
    }

    private static void contains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), () -> "'" + p + "' not in: " + message);
        }
    }

    @Test
    void parsesAFullProfileAndResolvesPathsAgainstItsFolder() {
        Profile p = Profile.parse(GOOD, FILE);
        assertEquals("demo", p.name());
        assertEquals(List.of("python3", "/work/profiles/endpoint.py", "--flag", "/work/profiles/data", "/work/bin/x",
                "/usr/bin/y"), p.command());
        assertEquals(Map.of("PYTHONUNBUFFERED", "1", "HOME_DIR", "/work/profiles"), p.env());
        assertEquals(List.of("shm", "socket"), p.transports());
        Bounds b = p.bounds();
        assertEquals(250, b.nonBlockingMs());
        assertEquals(300, b.blockedMs());
        assertEquals(5000, b.crashMs());
        assertEquals(Bounds.DEFAULT_START_MS, b.startMs());
        assertEquals(new Threshold(1_000_000.0, 200.5), b.threshold("shm", 64).orElseThrow());
        assertEquals(new Threshold(100_000.0, null), b.threshold("shm", 4096).orElseThrow());
        assertTrue(b.threshold("socket", 64).isEmpty());
        assertEquals(5000, p.bulkCount("shm"));
        assertEquals(Profile.DEFAULT_BULK_COUNT, p.bulkCount("socket"));
        assertEquals(100, p.sampleEvery());
    }

    @Test
    void theReferenceProfileLoads() {
        Path file = Path.of("..", "features", "reference.yaml");
        Profile p = Profile.load(file);
        assertEquals("ipcspec-reference", p.name());
        assertEquals(3, p.command().size());
        assertEquals(file.toAbsolutePath().normalize().getParent().resolveSibling("impl/target/ipcspec-endpoint.jar")
                .toString(), p.command().get(2));
        assertEquals(List.of("shm", "file", "socket"), p.transports());
        assertEquals(229_000.0, p.bounds().threshold("shm", 64).orElseThrow().minMessagesPerSecond());
        assertEquals(143_000.0, p.bounds().threshold("socket", 64).orElseThrow().minMessagesPerSecond());
        assertEquals(639.0, p.bounds().threshold("file", 64).orElseThrow().minMessagesPerSecond());
        assertEquals(Map.of("shm", "ipcspec-shm/1", "file", "ipcspec-file/1", "socket", "ipcspec-socket/1"), p.wire());
    }

    @Test
    void thePythonExampleProfileLoads() {
        Profile p = Profile.load(Path.of("..", "docs", "examples", "python", "profile.yaml"));
        for (String transport : p.transports()) {
            assertTrue(p.wireFormat(transport).isPresent(), () -> transport + " has no wire format in " + p.file());
        }
    }

    @Test
    void syntaxErrorsNameFileAndLine() {
        contains(fails("name: demo\ncommand: [java\ntransports: [shm]\n"), "/work/profiles/impl.yaml:", "YAML syntax error");
        contains(fails("name: demo\n  bad: indent\n"), "/work/profiles/impl.yaml:2:");
        contains(fails(""), "the profile is empty");
    }

    @Test
    void unknownKeysSuggestTheClosestSpelling() {
        contains(fails(GOOD.replace("  non_blocking_ms: 250", "  non_bloking_ms: 250")),
                "/work/profiles/impl.yaml:6: key 'timing.non_bloking_ms': unknown key (did you mean 'non_blocking_ms'?)");
        contains(fails(GOOD.replace("transports: [shm, socket]", "transports: [shm, socket]\ncolour: blue")),
                "/work/profiles/impl.yaml:5: key 'colour': unknown key; known keys here: name, command");
        contains(fails(GOOD.replace("min_messages_per_second: 100000}", "min_message_per_second: 100000}")),
                ":12: key 'thresholds.shm.4096.min_message_per_second': unknown key (did you mean 'min_messages_per_second'?)");
    }

    @Test
    void wrongTypesAreNamed() {
        contains(fails(GOOD.replace("blocked_ms: 300", "blocked_ms: soon")),
                ":7: key 'timing.blocked_ms': must be a whole number of milliseconds, got 'soon'");
        contains(fails(GOOD.replace("command: [python3, ./endpoint.py, --flag, \"${profile_dir}/data\", ../bin/x, /usr/bin/y]",
                "command: python3 endpoint.py")), ":2: key 'command': must be a non-empty list");
        contains(fails(GOOD.replace("max_p99_latency_us: 200.5", "max_p99_latency_us: fast")),
                ":11: key 'thresholds.shm.64.max_p99_latency_us': must be a number, got 'fast'");
        contains(fails(GOOD.replace("    64: {", "    small: {")), ":11: key 'thresholds.shm.small': must be a message size");
    }

    private static final String PACED = GOOD.replace("4096: {min_messages_per_second: 100000}",
            "4096: {min_messages_per_second: 100000, latency: {rate: 5000, max_p50_us: 2000, max_p99_us: 20000},"
                    + " round_trip: {max_p999_us: 90000}}");

    @Test
    void latencyAtAnOfferedRateAndRoundTripBounds() {
        Threshold t = Profile.parse(PACED, FILE).bounds().threshold("shm", 4096).orElseThrow();
        assertEquals(new LatencyBounds(5000L, 2000.0, 20000.0, null), t.latency());
        assertEquals(new LatencyBounds(null, null, null, 90000.0), t.roundTrip());
        assertEquals(Map.of("p50", 2000.0, "p99", 20000.0), t.latency().byPercentile());
    }

    @Test
    void badLatencyBoundsAreNamed() {
        contains(fails(PACED.replace("rate: 5000, ", "")), ":12: key 'thresholds.shm.4096.latency.rate': missing");
        contains(fails(PACED.replace("rate: 5000", "rate: 0")),
                ":12: key 'thresholds.shm.4096.latency.rate': must be a rate in messages per second in [1, 1000000000], got 0");
        contains(fails(PACED.replace("rate: 5000", "rate: fast")),
                "key 'thresholds.shm.4096.latency.rate': must be a whole number of messages per second, got 'fast'");
        contains(fails(PACED.replace("max_p99_us: 20000", "max_p99_us: 1000")),
                "key 'thresholds.shm.4096.latency.max_p99_us': is 1000.0 us, under max_p50_us (2000.0 us)");
        contains(fails(PACED.replace("max_p999_us: 90000", "max_p95_us: 90000")),
                "key 'thresholds.shm.4096.round_trip.max_p95_us': unknown key (did you mean 'max_p99_us'?)");
        contains(fails(PACED.replace("round_trip: {max_p999_us: 90000}", "round_trip: {}")),
                "key 'thresholds.shm.4096.round_trip': needs at least one of max_p50_us, max_p99_us, max_p999_us");
        contains(fails(PACED.replace("round_trip: {max_p999_us: 90000}", "round_trip: {rate: 10, max_p999_us: 90000}")),
                "key 'thresholds.shm.4096.round_trip.rate': unknown key");
        contains(fails(PACED.replace("max_p50_us: 2000", "max_p50_us: -3")),
                "key 'thresholds.shm.4096.latency.max_p50_us': must be positive, got -3");
    }

    @Test
    void missingKeysAreNamed() {
        contains(fails(GOOD.replace("  crash_ms: 5000\n", "")), ":6: key 'timing.crash_ms': missing");
        contains(fails(GOOD.replace("name: demo\n", "")), "key 'name': missing; required keys: name, command, transports, timing");
    }

    @Test
    void negativeBoundsAndBadThresholdsFail() {
        contains(fails(GOOD.replace("crash_ms: 5000", "crash_ms: -1")),
                ":8: key 'timing.crash_ms': must not be negative, got -1");
        contains(fails(GOOD.replace("min_messages_per_second: 100000}", "min_messages_per_second: 0}")),
                "must be positive, got 0");
    }

    @Test
    void unknownTransportsFail() {
        contains(fails(GOOD.replace("transports: [shm, socket]", "transports: [shm, sockets]")),
                ":4: key 'transports[1]': unknown transport 'sockets' (did you mean 'socket'?); known transports: shm, file, socket");
        contains(fails(GOOD.replace("  shm:\n", "  file:\n")),
                ":10: key 'thresholds.file': thresholds for a transport that 'transports' does not claim [shm, socket]");
        contains(fails(GOOD.replace("bulk_count: {shm: 5000}", "bulk_count: {pipe: 5000}")),
                "key 'defaults.bulk_count': unknown transport 'pipe'");
    }

    @Test
    void wireFormatsAreReadPerTransport() {
        Profile p = Profile.parse(GOOD + "wire: {socket: ipcspec-socket/1, shm: acme-ring/3}\n", FILE);
        assertEquals(Map.of("socket", "ipcspec-socket/1", "shm", "acme-ring/3"), p.wire());
        assertEquals(Optional.of("ipcspec-socket/1"), p.wireFormat("socket"));
        assertEquals(Optional.of("acme-ring/3"), p.wireFormat("shm"));
        assertTrue(p.wireFormat("file").isEmpty());
    }

    @Test
    void withoutWireEveryTransportIsPrivate() {
        Profile p = Profile.parse(GOOD, FILE);
        assertTrue(p.wire().isEmpty());
        assertTrue(p.wireFormat("shm").isEmpty());
        assertTrue(p.wireFormat("socket").isEmpty());
    }

    @Test
    void badWireFormatsNameFileLineKeyAndValue() {
        String base = GOOD + "wire:\n  socket: %s\n";   // the value is on line 17
        contains(fails(String.format(base, "ipcspec-socket")),
                ":17: key 'wire.socket': value 'ipcspec-socket': not a wire format name; write <format>/<major version>, e.g. ipcspec-socket/1");
        contains(fails(String.format(base, "ipcspec-socket/v1")), ":17: key 'wire.socket': value 'ipcspec-socket/v1': not a wire format name");
        contains(fails(String.format(base, "IPCSPEC-socket/1")), "value 'IPCSPEC-socket/1': not a wire format name");
        contains(fails(String.format(base, "ipcspec-socket/2")),
                ":17: key 'wire.socket': value 'ipcspec-socket/2': docs/wire-formats.md defines only version 1 of ipcspec-socket");
        contains(fails(String.format(base, "ipcspec-file/1")),
                "value 'ipcspec-file/1': is the wire format of transport 'file'; transport 'socket' speaks ipcspec-socket/1");
        contains(fails(String.format(base, "ipcspec-pipe/1")),
                "value 'ipcspec-pipe/1': no such documented format; the one for transport 'socket' is ipcspec-socket/1");
        contains(fails(String.format(base, "7")), ":17: key 'wire.socket': must be a wire format name such as ipcspec-socket/1, got '7'");
        contains(fails(String.format(base, "[ipcspec-socket/1]")), ":17: key 'wire.socket': must be a non-empty text, got a list");
        contains(fails(String.format(base, "")), "key 'wire.socket': must be a non-empty text, got nothing");
    }

    @Test
    void wireFormatsOnlyForClaimedKnownTransports() {
        contains(fails(GOOD + "wire: {file: ipcspec-file/1}\n"),
                ":16: key 'wire.file': a wire format for a transport that 'transports' does not claim [shm, socket]");
        contains(fails(GOOD + "wire: {pipe: ipcspec-pipe/1}\n"),
                ":16: key 'wire': unknown transport 'pipe'", "known transports: shm, file, socket");
        contains(fails(GOOD + "wire: {sockets: ipcspec-socket/1}\n"), "unknown transport 'sockets' (did you mean 'socket'?)");
        contains(fails(GOOD + "wire: ipcspec-socket/1\n"), ":16: key 'wire': must be a mapping (key: value lines), got 'ipcspec-socket/1'");
        contains(fails(GOOD + "wire: {socket: ipcspec-socket/1, socket: ipcspec-socket/1}\n"), ":16: key 'wire.socket': given twice");
    }

    @Test
    void duplicateKeysFail() {
        contains(fails(GOOD.replace("name: demo\n", "name: demo\nname: again\n")), ":2: key 'name': given twice");
    }
}
