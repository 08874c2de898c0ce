package org.ipcspec.harness.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ipcspec.harness.bench.BenchResult.Measured;
import org.ipcspec.harness.bench.BenchResult.Percentiles;
import org.ipcspec.harness.bench.BenchResult.Rate;
import org.ipcspec.harness.process.EndpointBrokenException;

/**
 * Runs the plain-Java baselines, each side in a forked JVM like the endpoints, so that the
 * comparison pays the same process and JIT costs. Each run warms up as the endpoints do: a one-way
 * run with {@link BenchOptions#WARMUP_BATCHES} untimed batches of its count ({@link TimedBatches}),
 * a ping-pong with a tenth of its count and at least {@link BenchOptions#WARMUP} ({@link RoundTrips});
 * then it times {@link BenchOptions#TIMED_BATCHES} batches, and its figure is the best of them.
 * Each call is one run; the benchmark keeps the best of several, taken in turns with the
 * endpoints' ({@link BestOf}).
 * A one-way baseline {@code withProtocol} also does the protocol's per-message work
 * ({@link ProtocolWork}): its ratio to the plain one is what that work costs over the transport.
 */
final class Baselines {

    static final Duration RUN_BOUND = Duration.ofMinutes(3);
    static final String SOCKET_NAME = "raw UDS frames";
    static final String RING_NAME = "raw mmap SPSC ring";
    static final String SPOOL_NAME = "raw file spool";
    static final String AGRONA_NAME = "Agrona OneToOneRingBuffer";
    static final String PROTOCOL_SUFFIX = " + protocol work";
    static final String SOCKET_PING_NAME = "raw UDS ping-pong";
    static final String RING_PING_NAME = "raw mmap ping-pong (spin, park)";
    static final String AGRONA_PING_NAME = "Agrona ping-pong (spin, yield)";

    private final Path directory;
    /**
     * Where the rings' files are mapped: the folder of the endpoints' shm channels (tmpfs), not
     * the temporary folder (ext4 here), so that a ratio compares rings on the same kind of memory
     * (ext4 writes dirty shared pages back, write-protecting them meanwhile). That was the first
     * suspect when one bench run saw every ring baseline at a third of its usual rate in all three
     * rounds (raw ring 12.4 M msg/s at 64 B) while the endpoints ran as usual; but a later run saw
     * the same on tmpfs for three rounds of five (raw ring 10.5-11.5 M, then 52 and 40 M), so that
     * was not the whole cause.
     */
    private final Path mappedDirectory;
    private int runs;

    /** Sockets and spools in {@code directory}, rings mapped in {@code mappedDirectory} (may be the same). */
    Baselines(Path directory, Path mappedDirectory) {
        this.directory = directory;
        this.mappedDirectory = mappedDirectory;
    }

    /** One-way frames over a Unix domain socket: reader's last_t minus writer's first_t. */
    Measured<Rate> socketThroughput(int size, long count) {
        return socketThroughput(size, count, false);
    }

    Measured<Rate> socketThroughput(int size, long count, boolean withProtocol) {
        return oneWay(SocketBaseline.class, List.of(), "reader", "writer", fresh("uds-" + size), size, count, withProtocol);
    }

    /** One-way records through the mapped ring: consumer's last_t minus producer's first_t. */
    Measured<Rate> ringThroughput(int size, long count) {
        return ringThroughput(size, count, false);
    }

    Measured<Rate> ringThroughput(int size, long count, boolean withProtocol) {
        return oneWay(MappedRingBaseline.class, List.of(), "consumer", "producer", freshMapped("ring-" + size), size, count, withProtocol);
    }

    /** One-way spool files: write, rename into new/, collect by rename into cur/, read, unlink. */
    Measured<Rate> spoolThroughput(int size, long count, boolean withProtocol) {
        return oneWay(FileSpoolBaseline.class, List.of(), "reader", "writer", fresh("spool-" + size), size, count, withProtocol);
    }

    /** One-way messages through Agrona's OneToOneRingBuffer in a mapped file. */
    Measured<Rate> agronaThroughput(int size, long count) {
        return oneWay(AgronaBaseline.class, AgronaBaseline.JVM_OPTIONS, "consumer", "producer", freshMapped("agrona-" + size), size, count,
                false);
    }

    /** Round trips of a {@code size}-byte frame answered by an 8-byte ack frame. */
    Measured<Percentiles> socketPingPong(int size, long count) {
        return pingPong(SocketBaseline.class, List.of(), fresh("uds-ping"), size, count);
    }

    /** Round trips through two mapped rings, waiting as the reference endpoint does. */
    Measured<Percentiles> ringPingPong(int size, long count) {
        return pingPong(MappedRingBaseline.class, List.of(), freshMapped("ring-ping"), size, count);
    }

    /** Round trips through two Agrona rings. */
    Measured<Percentiles> agronaPingPong(int size, long count) {
        return pingPong(AgronaBaseline.class, AgronaBaseline.JVM_OPTIONS, freshMapped("agrona-ping"), size, count);
    }

    private Path fresh(String name) {
        return directory.resolve(name + "-" + (++runs));
    }

    private Path freshMapped(String name) {
        return mappedDirectory.resolve(name + "-" + (++runs));
    }

    /** One run, a fresh pair of JVMs on a fresh address. */
    private Measured<Percentiles> pingPong(Class<?> main, List<String> jvm, Path address, int size, long count) {
        try (ForkedProgram echo = ForkedProgram.start("echo", main, jvm, List.of("echo", address.toString(), Integer.toString(size)),
                directory);
             ForkedProgram ping = ForkedProgram.start("ping", main, jvm,
                     List.of("ping", address.toString(), Integer.toString(size), Long.toString(pingWarmup(count)), Long.toString(count)),
                     directory)) {
            ObjectNode r = ping.awaitResult(RUN_BOUND);
            return Measured.ok(new Percentiles(r.path("count").asLong(), r.path("p50").asLong(), r.path("p90").asLong(),
                    r.path("p99").asLong(), r.path("max").asLong(), r.path("mean").asDouble()));
        } catch (RuntimeException e) {
            return Measured.failed("baseline ping-pong " + main.getSimpleName() + ": " + e.getMessage());
        }
    }

    /** One run, a fresh pair of JVMs on a fresh address. */
    private Measured<Rate> oneWay(Class<?> main, List<String> jvm, String receiverRole, String senderRole, Path address, int size,
                                 long count, boolean withProtocol) {
        List<String> args = new ArrayList<>(List.of(address.toString(), Integer.toString(size),
                Integer.toString(BenchOptions.WARMUP_BATCHES), Long.toString(count)));
        if (withProtocol) {
            args.add("protocol");
        }
        try (ForkedProgram receiver = ForkedProgram.start(receiverRole, main, jvm, prepend(receiverRole, args), directory);
             ForkedProgram sender = ForkedProgram.start(senderRole, main, jvm, prepend(senderRole, args), directory)) {
            return Measured.ok(fastest(count, size, sender.awaitResult(RUN_BOUND).path("first_t"),
                    receiver.awaitResult(RUN_BOUND).path("last_t")));
        } catch (RuntimeException e) {
            return Measured.failed("baseline " + main.getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The fastest of the timed batches whose sender's {@code first_t} and receiver's {@code last_t} are listed in turn. */
    static Rate fastest(long count, int size, JsonNode firstT, JsonNode lastT) {
        if (!firstT.isArray() || firstT.size() != BenchOptions.TIMED_BATCHES || lastT.size() != firstT.size()) {
            throw new EndpointBrokenException("expected " + BenchOptions.TIMED_BATCHES + " timed batches: first_t=" + firstT
                    + " last_t=" + lastT);
        }
        long fastest = Long.MAX_VALUE;
        for (int batch = 0; batch < firstT.size(); batch++) {
            fastest = Math.min(fastest, lastT.get(batch).asLong() - firstT.get(batch).asLong());
        }
        return new Rate(count, size, fastest);
    }

    /** Untimed round trips before a ping-pong's timed ones (RoundTrips also warms up for at least BenchOptions.WARMUP). */
    static long pingWarmup(long count) {
        return Math.max(1, count / 10);
    }

    private static List<String> prepend(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
