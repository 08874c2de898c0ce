package org.ipcspec.harness.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ipcspec.harness.bench.BenchResult.Measured;
import org.ipcspec.harness.bench.BenchResult.Percentiles;
import org.ipcspec.harness.process.EndpointListener;
import org.ipcspec.harness.process.EndpointProcess;

/**
 * Times start-up: from just before the process is started to the arrival of its first stdout
 * line (the hello), as the harness sees it. One untimed start of each command goes first, so that
 * the page cache holds the JVM and the jar for every timed one. The commands' starts alternate, so
 * that a burst of load on the shared machine falls on both rather than on one. Each process is
 * killed once it has said hello: its shutdown is not part of the figure.
 */
final class StartupTimer {

    static final Duration HELLO_BOUND = Duration.ofSeconds(20);

    private StartupTimer() {
    }

    /** A command to time: its name in participant labels and failures, its argv and environment. */
    record Command(String name, List<String> argv, Map<String, String> env) {
    }

    /** Times each command {@code starts} times, alternating between them; one outcome per command, in order. */
    static List<Measured<Percentiles>> timeAlternating(List<Command> commands, Path directory, int starts) {
        long[][] nanos = new long[commands.size()][starts];
        String[] failures = new String[commands.size()];
        for (int c = 0; c < commands.size(); c++) {
            failures[c] = warmUp(commands.get(c), directory);
        }
        for (int i = 0; i < starts; i++) {
            for (int c = 0; c < commands.size(); c++) {
                if (failures[c] != null) {
                    continue;
                }
                Command command = commands.get(c);
                try {
                    nanos[c][i] = once(command.name() + "-" + i, command.argv(), command.env(), directory);
                } catch (RuntimeException e) {
                    failures[c] = e.getMessage();
                }
            }
        }
        List<Measured<Percentiles>> outcomes = new java.util.ArrayList<>();
        for (int c = 0; c < commands.size(); c++) {
            outcomes.add(failures[c] != null ? Measured.failed(failures[c]) : Measured.ok(Stats.percentiles(nanos[c])));
        }
        return outcomes;
    }

    private static String warmUp(Command command, Path directory) {
        try {
            EndpointPair.requireJarBuilt(command.argv());
            once(command.name() + "-warmup", command.argv(), command.env(), directory);
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    private static long once(String participant, List<String> command, Map<String, String> env, Path directory) {
        AtomicLong helloArrival = new AtomicLong();
        EndpointListener listener = new EndpointListener() {
            @Override
            public void line(String from, ObjectNode line, long arrivalNanos) {
                helloArrival.compareAndSet(0, arrivalNanos);
            }

            @Override
            public void requested(String from, ObjectNode request, long sentNanos) {
            }

            @Override
            public void lifecycle(String from, String what, long nanos) {
            }
        };
        long begin = System.nanoTime();
        EndpointProcess process = EndpointProcess.start(participant, command, env, directory, listener);
        try {
            process.awaitHello(HELLO_BOUND);
            return helloArrival.get() - begin;
        } finally {
            process.kill();
        }
    }
}
