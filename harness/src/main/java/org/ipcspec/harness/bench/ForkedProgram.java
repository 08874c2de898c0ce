package org.ipcspec.harness.bench;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ipcspec.harness.process.EndpointBrokenException;
import org.ipcspec.harness.process.EndpointListener;
import org.ipcspec.harness.process.EndpointProcess;

/**
 * A baseline program in its own JVM, run under the harness's own supervision (so it is reaped
 * like an endpoint): started with this JVM's java and only the classes of this package on the
 * classpath, it writes hello when ready and then one {@code result} event.
 */
final class ForkedProgram implements AutoCloseable {

    static final Duration HELLO_BOUND = Duration.ofSeconds(20);

    private final EndpointProcess process;
    private final CompletableFuture<ObjectNode> result;
    /** Set when the supervision had to kill it: it did not exit by itself at stdin EOF. */
    private final AtomicBoolean killed;

    private ForkedProgram(EndpointProcess process, CompletableFuture<ObjectNode> result, AtomicBoolean killed) {
        this.process = process;
        this.result = result;
        this.killed = killed;
    }

    /** Starts {@code main} with {@code args} and waits for its hello. */
    static ForkedProgram start(String name, Class<?> main, List<String> args, Path workingDirectory) {
        return start(name, main, List.of(), args, workingDirectory);
    }

    /** The same, with options for the forked JVM (Agrona's {@code --add-exports}). */
    static ForkedProgram start(String name, Class<?> main, List<String> jvmOptions, List<String> args, Path workingDirectory) {
        CompletableFuture<ObjectNode> result = new CompletableFuture<>();
        AtomicBoolean killed = new AtomicBoolean();
        EndpointListener listener = new EndpointListener() {
            @Override
            public void line(String participant, ObjectNode line, long arrivalNanos) {
                if ("result".equals(line.path("event").asText())) {
                    result.complete(line);
                }
            }

            @Override
            public void requested(String participant, ObjectNode request, long sentNanos) {
            }

            @Override
            public void lifecycle(String participant, String what, long nanos) {
                if ("killed".equals(what)) {
                    killed.set(true);
                }
            }
        };
        EndpointProcess process = EndpointProcess.start(name, command(main, jvmOptions, args), Map.of(), workingDirectory, listener);
        ForkedProgram program = new ForkedProgram(process, result, killed);
        try {
            process.awaitHello(HELLO_BOUND);
            return program;
        } catch (RuntimeException e) {
            program.close();
            throw e;
        }
    }

    static List<String> command(Class<?> main, List<String> args) {
        return command(main, List.of(), args);
    }

    static List<String> command(Class<?> main, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>(List.of(BenchOptions.javaBinary()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", ownClasspath(), main.getName()));
        command.addAll(args);
        return command;
    }

    /**
     * Where this package's classes were loaded from (a classes folder or the harness jar), and
     * Agrona's jar for its baseline; nothing else, so a baseline JVM loads only what it measures.
     */
    static String ownClasspath() {
        return location(ForkedProgram.class) + java.io.File.pathSeparator + location(org.agrona.concurrent.ringbuffer.OneToOneRingBuffer.class);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the benchmark's classes: class=" + type.getName() + " " + e.getMessage(), e);
        }
    }

    /** The result event; broken if the program dies first or takes longer than {@code bound}. */
    ObjectNode awaitResult(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            try {
                return result.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!process.isAlive()) {
                    // Its last line may still be on its way through the reader thread.
                    try {
                        return result.get(2, TimeUnit.SECONDS);
                    } catch (TimeoutException | ExecutionException late) {
                        throw new EndpointBrokenException(process.participant() + " exited without a result: " + tail(process.stderr()));
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw new EndpointBrokenException("interrupted");
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new EndpointBrokenException(process.participant() + " gave no result within " + bound.toSeconds() + " s");
                }
            } catch (ExecutionException e) {
                throw new EndpointBrokenException(e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EndpointBrokenException("interrupted while waiting for " + process.participant());
            }
        }
    }

    static String tail(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? "(no stderr)" : trimmed.length() > 400 ? "..." + trimmed.substring(trimmed.length() - 400) : trimmed;
    }

    /** Whether it had to be killed (so far): true after a close that waited out the grace period. */
    boolean wasKilled() {
        return killed.get();
    }

    @Override
    public void close() {
        process.close();
    }
}
