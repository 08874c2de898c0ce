package org.ipcspec.harness.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ipcspec.harness.bench.BenchResult.Outcome;
import org.ipcspec.harness.bench.BenchResult.Percentiles;
import org.ipcspec.harness.bench.BenchResult.Rate;

/**
 * Runs the plain-Java baselines, each side in a forked JVM like the endpoints, so that the
 * comparison pays the same process and JIT costs. A tenth of each count runs first as a warm-up.
 */
final class Baselines {

    static final Duration RUN_BOUND = Duration.ofMinutes(3);
    static final String SOCKET_NAME = "raw UDS frames";
    static final String RING_NAME = "raw mmap SPSC ring";

    private final Path directory;

    Baselines(Path directory) {
        this.directory = directory;
    }

    /** One-way frames over a Unix domain socket: reader's last_t minus writer's first_t. */
    Outcome<Rate> socketThroughput(int size, long count) {
        Path socket = directory.resolve("uds-" + size);
        List<String> args = List.of(socket.toString(), Integer.toString(size), Long.toString(warmup(count)), Long.toString(count));
        return oneWay(SocketBaseline.class, "reader", "writer", args, size, count);
    }

    /** One-way records through the mapped ring: consumer's last_t minus producer's first_t. */
    Outcome<Rate> ringThroughput(int size, long count) {
        Path file = directory.resolve("ring-" + size);
        List<String> args = List.of(file.toString(), Integer.toString(size), Long.toString(warmup(count)), Long.toString(count));
        return oneWay(MappedRingBaseline.class, "consumer", "producer", args, size, count);
    }

    /** Round trips of a {@code size}-byte frame answered by an 8-byte ack frame. */
    Outcome<Percentiles> socketPingPong(int size, long count) {
        Path socket = directory.resolve("uds-ping");
        try (ForkedProgram echo = ForkedProgram.start("uds-echo", SocketBaseline.class,
                List.of("echo", socket.toString(), Integer.toString(size)), directory);
             ForkedProgram ping = ForkedProgram.start("uds-ping", SocketBaseline.class,
                     List.of("ping", socket.toString(), Integer.toString(size), Long.toString(warmup(count)), Long.toString(count)),
                     directory)) {
            ObjectNode r = ping.awaitResult(RUN_BOUND);
            return Outcome.ok(new Percentiles(r.path("count").asLong(), r.path("p50").asLong(), r.path("p90").asLong(),
                    r.path("p99").asLong(), r.path("max").asLong(), r.path("mean").asDouble()));
        } catch (RuntimeException e) {
            return Outcome.failed("baseline ping-pong: " + e.getMessage());
        }
    }

    private Outcome<Rate> oneWay(Class<?> main, String receiverRole, String senderRole, List<String> args, int size, long count) {
        try (ForkedProgram receiver = ForkedProgram.start(receiverRole, main, prepend(receiverRole, args), directory);
             ForkedProgram sender = ForkedProgram.start(senderRole, main, prepend(senderRole, args), directory)) {
            long firstT = sender.awaitResult(RUN_BOUND).path("first_t").asLong();
            long lastT = receiver.awaitResult(RUN_BOUND).path("last_t").asLong();
            return Outcome.ok(new Rate(count, size, lastT - firstT));
        } catch (RuntimeException e) {
            return Outcome.failed("baseline " + main.getSimpleName() + ": " + e.getMessage());
        }
    }

    static long warmup(long count) {
        return Math.max(1, count / 10);
    }

    private static List<String> prepend(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
