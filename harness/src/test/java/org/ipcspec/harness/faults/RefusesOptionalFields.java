package org.ipcspec.harness.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * refuses-pacing: an endpoint written before the optional fields of a paced or request/reply
 * batch (docs/protocol.md#send_many, {@code rate} and {@code reply_channel}; #receive_many,
 * {@code ack_channel}) answers them {@code unsupported}, as the protocol asks, and is otherwise the
 * reference. The suite must call those scenarios unsupported and pass the rest: not failed, not
 * broken. Requests are read from stdin here, refused ones answered at once on stdout (under the
 * same lock as the endpoint's own lines, so no line is torn) and the rest handed on.
 */
final class RefusesOptionalFields {

    static final String FAULT = "refuses-pacing";
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern REFUSED = Pattern.compile(
            "\"op\":\"send_many\".*\"(rate|reply_channel)\":|\"op\":\"receive_many\".*\"(ack_channel)\":");

    private RefusesOptionalFields() {
    }

    /** The endpoint's stdin: {@code in} without the refused requests, whose answers go to {@code out}. */
    static InputStream filter(InputStream in, OutputStream out) throws IOException {
        PipedInputStream passed = new PipedInputStream(1 << 16);
        PipedOutputStream sink = new PipedOutputStream(passed);
        Thread pump = new Thread(() -> pump(in, sink, out), "refuses-pacing-stdin");
        pump.setDaemon(true);
        pump.start();
        return passed;
    }

    private static void pump(InputStream in, OutputStream sink, OutputStream out) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)); sink) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher refused = REFUSED.matcher(line);
                Matcher id = ID.matcher(line);
                if (refused.find() && id.find()) {
                    String field = refused.group(1) != null ? refused.group(1) : refused.group(2);
                    byte[] reply = ("{\"type\":\"reply\",\"id\":" + id.group(1) + ",\"ok\":false,\"error\":\"unsupported\","
                            + "\"message\":\"field " + field + " is not offered\"}\n").getBytes(StandardCharsets.UTF_8);
                    synchronized (out) {
                        out.write(reply);
                        out.flush();
                    }
                    continue;
                }
                sink.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                sink.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
