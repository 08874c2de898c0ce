package org.ipcspec.harness.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ipcspec.harness.bench.BenchResult.Outcome;
import org.ipcspec.harness.bench.BenchResult.Percentiles;
import org.ipcspec.harness.process.EndpointListener;
import org.ipcspec.harness.process.EndpointProcess;

/**
 * Times start-up: from just before the process is started to the arrival of its first stdout
 * line (the hello), as the harness sees it. One untimed start goes first, so that the page cache
 * holds the JVM and the jar for every timed one. Each process is killed once it has said hello:
 * its shutdown is not part of the figure.
 */
final class StartupTimer {

    static final Duration HELLO_BOUND = Duration.ofSeconds(20);

    private StartupTimer() {
    }

    static Outcome<Percentiles> time(String name, List<String> command, Map<String, String> env, Path directory, int starts) {
        try {
            EndpointPair.requireJarBuilt(command);
            once(name + "-warmup", command, env, directory);
            long[] nanos = new long[starts];
            for (int i = 0; i < starts; i++) {
                nanos[i] = once(name + "-" + i, command, env, directory);
            }
            return Outcome.ok(Stats.percentiles(nanos));
        } catch (RuntimeException e) {
            return Outcome.failed(e.getMessage());
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
