package org.ipcspec.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An endpoint process driven from a test: lines written to its stdin, its stdout read on a
 * thread into a queue, its stderr kept in a file for failure messages. {@link #close()} kills it.
 */
final class ForkedEndpoint implements AutoCloseable {

    /** Every wait is bounded, generously: the machine may be loaded. */
    static final long WAIT_MS = 15_000;
    private static final Object EOF = new Object();

    private final Process process;
    private final OutputStream stdin;
    private final Path stderr;
    private final LinkedBlockingQueue<Object> lines = new LinkedBlockingQueue<>();
    final Map<String, Object> hello;

    private ForkedEndpoint(List<String> command) throws Exception {
        stderr = Files.createTempFile("endpoint-stderr", ".txt");
        process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        stdin = process.getOutputStream();
        Thread reader = new Thread(this::readStdout, "stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        hello = next();
        assertEquals("hello", hello.get("type"), "the first line is hello");
    }

    /** The packaged endpoint: {@code java -jar} of the jar named by {@code ipcspec.endpoint.jar}. */
    static ForkedEndpoint jar() throws Exception {
        String jar = System.getProperty("ipcspec.endpoint.jar");
        assertNotNull(jar, "system property ipcspec.endpoint.jar (set by failsafe)");
        return new ForkedEndpoint(List.of(java(), "-jar", jar));
    }

    /** The same protocol loop over the in-memory transport, from the test classpath. */
    static ForkedEndpoint inMemory() throws Exception {
        return new ForkedEndpoint(List.of(java(), "-cp", System.getProperty("java.class.path"),
                InMemoryEndpointMain.class.getName()));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    void write(String line) throws IOException {
        write(line.getBytes(StandardCharsets.UTF_8));
    }

    void write(byte[] line) throws IOException {
        stdin.write(line);
        stdin.write('\n');
        stdin.flush();
    }

    /** The next stdout line, parsed; fails after {@link #WAIT_MS} or at stdout EOF. */
    Map<String, Object> next() throws Exception {
        Object line = lines.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        if (line == null || line == EOF) {
            throw new AssertionError((line == null ? "no line within " + WAIT_MS + " ms" : "stdout ended")
                    + "; stderr: " + stderr());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) Json.parse((String) line);
        return parsed;
    }

    /** Every line up to and including the next reply. */
    List<Map<String, Object>> untilReply() throws Exception {
        List<Map<String, Object>> got = new ArrayList<>();
        Map<String, Object> line;
        do {
            line = next();
            got.add(line);
        } while (!"reply".equals(line.get("type")));
        return got;
    }

    /** Writes a request and returns its reply (events before it are skipped). */
    Map<String, Object> ask(String line) throws Exception {
        write(line);
        List<Map<String, Object>> got = untilReply();
        return got.get(got.size() - 1);
    }

    /** True when stdout has ended with no further line. */
    boolean stdoutEndsWithoutMoreLines() throws InterruptedException {
        return lines.poll(WAIT_MS, TimeUnit.MILLISECONDS) == EOF;
    }

    void closeStdin() throws IOException {
        stdin.close();
    }

    Process process() {
        return process;
    }

    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process is gone
        } finally {
            lines.add(EOF);
        }
    }

    @Override
    public void close() throws Exception {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        Files.deleteIfExists(stderr);
    }
}
