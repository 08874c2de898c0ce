package org.ipcspec.channel.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A forked {@link ChannelPeer} process, driven line by line from a test. {@link #close()} kills it
 * (and is what try-with-resources calls), so no test leaves a process behind.
 */
public final class Peer implements AutoCloseable {

    private final Process process;
    private final Writer commands;
    private final BufferedReader answers;
    private CompletableFuture<String> pending;

    private Peer(Process process) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts a peer; see {@link ChannelPeer} for the arguments. */
    public static Peer start(String transport, Path address, String role, String mode, int capacity, int senderId,
                             String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ChannelPeer.class.getName(),
                transport, address.toString(), role, mode, Integer.toString(capacity), Integer.toString(senderId)));
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new Peer(process);
    }

    /** Sends a command without waiting for its answer (for calls expected to block). */
    public void ask(String command) throws IOException {
        if (pending != null && !pending.isDone()) {
            throw new IllegalStateException("previous answer not read yet");
        }
        commands.write(command + "\n");
        commands.flush();
        pending = CompletableFuture.supplyAsync(this::readLine);
    }

    /** The answer to the last {@link #ask}, waiting at most {@code timeoutMs}. */
    public String answer(long timeoutMs) throws Exception {
        return pending.get(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** True if the last ask has been answered (non-blocking). */
    public boolean answered() {
        return pending != null && pending.isDone();
    }

    /** Sends a command and waits up to 10 s for its answer. */
    public String call(String command) throws Exception {
        ask(command);
        return answer(10_000);
    }

    /** The first line the peer printed: {@code open STATUS}. */
    public String opened() throws Exception {
        pending = CompletableFuture.supplyAsync(this::readLine);
        return answer(15_000);
    }

    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public long pid() {
        return process.pid();
    }

    private String readLine() {
        try {
            String line = answers.readLine();
            if (line == null) {
                throw new IllegalStateException("peer exited: code=" + process.waitFor());
            }
            return line;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** Rethrown as unchecked, for tests that wait on answers. */
    public static String await(Peer peer, long timeoutMs) throws Exception {
        try {
            return peer.answer(timeoutMs);
        } catch (TimeoutException e) {
            throw new AssertionError("peer did not answer within " + timeoutMs + " ms", e);
        }
    }
}
