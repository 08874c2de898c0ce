package org.ipcspec.harness.process;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One participant's endpoint process under supervision: started from the profile's command,
 * its stdout read line by line on its own thread (each protocol line handed to the listener with
 * its arrival time), its stderr kept, every request given an id and a future for its reply, and
 * every wait bounded. {@link #close()} ends it gracefully (stdin EOF, as the protocol asks) and
 * kills the tree if it does not go in time.
 */
public final class EndpointProcess implements AutoCloseable {

    /** docs/protocol.md#streams: at most 1 MiB a line. */
    static final int MAX_LINE_BYTES = 1 << 20;
    /** Kept of each stderr: its tail, so a chatty endpoint cannot exhaust the harness. */
    static final int MAX_STDERR_CHARS = 1 << 20;
    /** docs/protocol.md#streams: an endpoint exits by itself within 2 s of stdin EOF; allow for a loaded machine. */
    static final Duration EXIT_GRACE = Duration.ofSeconds(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String participant;
    private final List<String> command;
    private final Process process;
    private final EndpointListener listener;
    private final OutputStream stdin;
    private final StringBuilder stderr = new StringBuilder();
    private final CompletableFuture<ObjectNode> hello = new CompletableFuture<>();
    private final Map<Long, CompletableFuture<ObjectNode>> pending = new ConcurrentHashMap<>();
    /** Raw lines without a usable id, in the order written: their replies come with id null, in order. */
    private final Queue<CompletableFuture<ObjectNode>> awaitingReplyWithoutId = new ConcurrentLinkedQueue<>();
    private final List<String> garbage = new ArrayList<>();
    private final AtomicLong nextId = new AtomicLong(1000);
    private final CompletableFuture<Void> stdoutDone = new CompletableFuture<>();
    private final Thread stderrReader;
    private volatile String threadDump;
    private final long startedNanos = System.nanoTime();

    private EndpointProcess(String participant, List<String> command, Process process, EndpointListener listener) {
        this.participant = participant;
        this.command = List.copyOf(command);
        this.process = process;
        this.listener = listener;
        this.stdin = process.getOutputStream();
        Thread stdoutReader = new Thread(this::readStdout, "stdout-" + participant + "-" + process.pid());
        stdoutReader.setDaemon(true);
        stdoutReader.start();
        this.stderrReader = new Thread(this::readStderr, "stderr-" + participant + "-" + process.pid());
        stderrReader.setDaemon(true);
        stderrReader.start();
    }

    /**
     * Starts the command. Nothing is appended to it (docs/protocol.md#streams).
     *
     * @throws EndpointBrokenException if the program cannot be started at all
     */
    public static EndpointProcess start(String participant, List<String> command, Map<String, String> env,
                                        Path workingDirectory, EndpointListener listener) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new EndpointBrokenException("cannot start the " + participant + ": command=" + command + ": " + e.getMessage(), e);
        }
        ProcessReaper.register(process);
        listener.lifecycle(participant, "started pid " + process.pid(), System.nanoTime());
        return new EndpointProcess(participant, command, process, listener);
    }

    public String participant() {
        return participant;
    }

    public long pid() {
        return process.pid();
    }

    /** The process, for signals the harness sends it (a pause). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Waits for the hello line. Broken if none comes in time, or the process dies first. */
    public ObjectNode awaitHello(Duration bound) {
        try {
            return hello.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            threadDump();
            throw broken("no hello within " + bound.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw broken(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw broken("interrupted while waiting for hello");
        }
    }

    /** A request as written, with the id it was given, and its reply to come. */
    public record Request(long id, ObjectNode line, CompletableFuture<ObjectNode> reply) {
    }

    /** Writes a request with a fresh id; the future completes with its reply. */
    public Request request(ObjectNode fields) {
        long id = nextId.getAndIncrement();
        ObjectNode request = JSON.createObjectNode().put("id", id);
        request.setAll(fields);
        CompletableFuture<ObjectNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        if (stdoutDone.isDone()) {
            failPending();
        }
        listener.requested(participant, request, System.nanoTime());
        writeLine(request.toString());
        return new Request(id, request, reply);
    }

    /**
     * Writes a line as it is, to see how the endpoint meets bad input. The future completes with the
     * reply to it: the one carrying the line's own integer id if it has one, else the next reply
     * with id null.
     */
    public CompletableFuture<ObjectNode> writeRaw(String line) {
        CompletableFuture<ObjectNode> reply = new CompletableFuture<>();
        Long id = integerId(line);
        if (id != null) {
            // Generated ids go on past every raw id, so a later request never answers to this line's reply.
            nextId.accumulateAndGet(id + 1, Math::max);
            if (pending.putIfAbsent(id, reply) != null) {
                throw new IllegalArgumentException("the raw line reuses id " + id + " of a request still waiting for its reply: " + line);
            }
        } else {
            awaitingReplyWithoutId.add(reply);
        }
        if (stdoutDone.isDone()) {
            failPending();
        }
        ObjectNode mark = JSON.createObjectNode().put("raw", line.length() > 200 ? line.substring(0, 200) + "..." : line);
        listener.requested(participant, mark, System.nanoTime());
        writeLine(line);
        return reply;
    }

    private static Long integerId(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.path("id").isIntegralNumber() ? node.path("id").asLong() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Waits for a reply; broken if it does not come within the bound (the endpoint hung or died). */
    public ObjectNode await(CompletableFuture<ObjectNode> reply, Duration bound, String what) {
        try {
            return reply.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            threadDump();
            throw broken("no reply to " + what + " within " + bound.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw broken(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw broken("interrupted while waiting for the reply to " + what);
        }
    }

    /** Lines on stdout that were not protocol lines. Any is a broken endpoint. */
    public synchronized List<String> garbage() {
        return List.copyOf(garbage);
    }

    public synchronized String stderr() {
        return stderr.toString();
    }

    /** A thread dump taken before a kill, if one was taken. */
    public Optional<String> lastThreadDump() {
        return Optional.ofNullable(threadDump);
    }

    /** Takes a thread dump now (JVM endpoints only) and keeps it for the report. */
    public Optional<String> threadDump() {
        Optional<String> dump = ThreadDumps.of(process, command);
        dump.ifPresent(d -> threadDump = d);
        return dump;
    }

    /** When it was started, on the harness clock (System.nanoTime). */
    public long startedNanos() {
        return startedNanos;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, waiting up to {@code bound}; empty if still running. */
    public Optional<Integer> awaitExit(Duration bound) {
        try {
            if (process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.of(process.exitValue());
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Closes stdin: the endpoint must exit by itself (docs/protocol.md#streams). */
    public void closeStdin() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** SIGKILL of the process and its descendants, as a scenario step (a crash) or at the end. */
    public void kill() {
        if (process.isAlive()) {
            listener.lifecycle(participant, "killed", System.nanoTime());
        }
        ProcessReaper.killTree(process);
        awaitStdoutDrained();
    }

    /**
     * Ends the endpoint: stdin EOF, a grace period to exit by itself, then a kill.
     *
     * @return true if it exited by itself within the grace period
     */
    @Override
    public void close() {
        closeStdin();
        if (awaitExit(EXIT_GRACE).isEmpty()) {
            threadDump();
            kill();
        } else {
            ProcessReaper.killTree(process);
        }
        awaitStdoutDrained();
    }

    private void awaitStdoutDrained() {
        try {
            stdoutDone.get(2, TimeUnit.SECONDS);
            stderrReader.join(2000);
        } catch (Exception e) {
            // a grandchild holding the pipe open; the readers are daemons
        }
    }

    private EndpointBrokenException broken(String why) {
        StringBuilder message = new StringBuilder("the " + participant + " endpoint (pid " + process.pid() + ") broke: " + why);
        if (awaitExit(Duration.ofMillis(200)).isPresent()) {
            message.append("; it exited with code ").append(process.exitValue());
            // Its last words may still be in the pipe: stdout can close before stderr is drained.
            try {
                stderrReader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String err = stderr().strip();
        if (!err.isEmpty()) {
            message.append("\n--- its stderr ---\n").append(err.length() > 4000 ? "..." + err.substring(err.length() - 4000) : err);
        }
        return new EndpointBrokenException(message.toString());
    }

    private void writeLine(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (stdin) {
            try {
                stdin.write(bytes);
                stdin.flush();
            } catch (IOException e) {
                throw broken("cannot write to its stdin (" + e.getMessage() + ")");
            }
        }
    }

    private void readStdout() {
        BoundedLineReader reader = new BoundedLineReader(process.getInputStream(), MAX_LINE_BYTES);
        try {
            for (String line; (line = reader.readLine()) != null; ) {
                long arrival = System.nanoTime();
                if (line == BoundedLineReader.OVERSIZED) {
                    addGarbage("a line over " + MAX_LINE_BYTES + " bytes");
                    continue;
                }
                ObjectNode node = parse(line);
                if (node == null) {
                    continue;
                }
                listener.line(participant, node, arrival);
                dispatch(node, line);
            }
        } catch (IOException e) {
            // the pipe closed under us: the process is gone
        } finally {
            stdoutDone.complete(null);
            failPending();
        }
    }

    private void dispatch(ObjectNode node, String line) {
        String type = node.path("type").asText("");
        if (!hello.isDone()) {
            if (type.equals("hello")) {
                StartupStats.record(System.nanoTime() - startedNanos);
                hello.complete(node);
            } else {
                hello.completeExceptionally(new IllegalStateException("its first line was not hello: " + abbreviate(line)));
            }
            return;
        }
        if (type.equals("reply")) {
            JsonNode id = node.get("id");
            if (id == null || id.isNull()) {
                // It is in the history either way; it answers the oldest raw line still waiting, if any.
                CompletableFuture<ObjectNode> waiting = awaitingReplyWithoutId.poll();
                if (waiting != null) {
                    waiting.complete(node);
                }
                return;
            }
            CompletableFuture<ObjectNode> reply = id.canConvertToLong() ? pending.remove(id.asLong()) : null;
            if (reply == null) {
                addGarbage("a reply to no request: " + abbreviate(line));
            } else {
                reply.complete(node);
            }
        } else if (!type.equals("event")) {
            addGarbage("a line of unknown type: " + abbreviate(line));
        }
    }

    private ObjectNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node instanceof ObjectNode object) {
                return object;
            }
            addGarbage("not a JSON object: " + abbreviate(line));
        } catch (JsonProcessingException e) {
            addGarbage("not JSON: " + abbreviate(line));
        }
        return null;
    }

    private synchronized void addGarbage(String what) {
        if (garbage.size() < 20) {
            garbage.add(what);
        }
        if (!hello.isDone()) {
            hello.completeExceptionally(new IllegalStateException("it wrote " + what + " before hello"));
        }
    }

    private void failPending() {
        String why = "its stdout closed (the process exited) before replying";
        hello.completeExceptionally(new IllegalStateException(why));
        for (Long id : List.copyOf(pending.keySet())) {
            CompletableFuture<ObjectNode> reply = pending.remove(id);
            if (reply != null) {
                reply.completeExceptionally(new IllegalStateException(why + " to request " + id));
            }
        }
        for (CompletableFuture<ObjectNode> waiting; (waiting = awaitingReplyWithoutId.poll()) != null; ) {
            waiting.completeExceptionally(new IllegalStateException(why + " to a line without id"));
        }
    }

    private void readStderr() {
        char[] buffer = new char[8192];
        // One decoder over the whole stream: a character split between two reads stays whole.
        try (Reader err = new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)) {
            for (int n; (n = err.read(buffer)) > 0; ) {
                synchronized (this) {
                    stderr.append(buffer, 0, n);
                    if (stderr.length() > MAX_STDERR_CHARS) {
                        stderr.delete(0, stderr.length() - MAX_STDERR_CHARS);
                    }
                }
            }
        } catch (IOException e) {
            // process gone
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 200 ? "'" + line.substring(0, 200) + "...'" : "'" + line + "'";
    }
}
