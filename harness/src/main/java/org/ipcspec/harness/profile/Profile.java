package org.ipcspec.harness.profile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * An implementation profile: how to start the implementation's endpoint, what it claims, and the
 * bounds and thresholds it is held to. Load with {@link #load(Path)}; the schema is in
 * docs/profiles.md.
 *
 * @param file       the profile's file (absolute), for messages
 * @param name       the implementation's name, for reports
 * @param command    argv to start one endpoint, paths already resolved (see {@link ProfileLoader})
 * @param env        extra environment variables for the endpoint
 * @param transports transports the implementation claims
 * @param bounds     timing bounds and thresholds
 * @param bulkCount  default message count of bulk runs, per transport
 * @param sampleEvery default sample_every of bulk runs
 * @param wire       the documented wire format each transport speaks, e.g. {@code socket -> ipcspec-socket/1};
 *                   a claimed transport that is absent speaks a private format (see {@link WireFormat})
 * @param waivers    the failures the implementation is known to have (see {@link Waiver})
 */
public record Profile(Path file, String name, List<String> command, Map<String, String> env,
                      List<String> transports, Bounds bounds, Map<String, Long> bulkCount, long sampleEvery,
                      Map<String, String> wire, List<Waiver> waivers) {

    public static final long DEFAULT_SAMPLE_EVERY = 10_000;
    public static final long DEFAULT_BULK_COUNT = 100_000;

    public Profile {
        command = List.copyOf(command);
        env = Map.copyOf(env);
        transports = List.copyOf(transports);
        bulkCount = Map.copyOf(bulkCount);
        wire = Map.copyOf(wire);
        waivers = List.copyOf(waivers);
    }

    /** A profile without waivers. */
    public Profile(Path file, String name, List<String> command, Map<String, String> env,
                   List<String> transports, Bounds bounds, Map<String, Long> bulkCount, long sampleEvery,
                   Map<String, String> wire) {
        this(file, name, command, env, transports, bounds, bulkCount, sampleEvery, wire, List.of());
    }

    /** A profile that declares no wire format: every transport speaks a private one. */
    public Profile(Path file, String name, List<String> command, Map<String, String> env,
                   List<String> transports, Bounds bounds, Map<String, Long> bulkCount, long sampleEvery) {
        this(file, name, command, env, transports, bounds, bulkCount, sampleEvery, Map.of());
    }

    /** Reads and validates a profile; throws {@link ProfileException} naming file, line and key. */
    public static Profile load(Path file) {
        return ProfileLoader.load(file);
    }

    /** Parses profile text as if read from {@code file} (relative paths resolve against its folder). */
    public static Profile parse(String yaml, Path file) {
        return ProfileLoader.parse(yaml, file);
    }

    public boolean claims(String transport) {
        return transports.contains(transport);
    }

    /**
     * The wire format {@code transport} speaks (e.g. {@code ipcspec-file/1}), or empty when it is
     * private: then no implementation but this one can be its peer on that transport.
     */
    public Optional<String> wireFormat(String transport) {
        return Optional.ofNullable(wire.get(transport));
    }

    /** Bulk message count for {@code transport}: the profile's, else {@link #DEFAULT_BULK_COUNT}. */
    public long bulkCount(String transport) {
        return bulkCount.getOrDefault(transport, DEFAULT_BULK_COUNT);
    }
}
