package org.ipcspec.endpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The only writer of stdout: one protocol line per call, written with its newline in one
 * {@code write} and flushed at once (docs/protocol.md#streams), so lines of different threads never
 * interleave. After {@link #silence()} (stdin EOF: a running call is abandoned without a reply)
 * or a failed write (the harness went away) lines are dropped.
 */
final class LineWriter {

    private final OutputStream out;
    private boolean silenced;

    LineWriter(OutputStream out) {
        this.out = out;
    }

    synchronized void write(JsonLine line) {
        write(line.finish());
    }

    synchronized void write(String line) {
        if (silenced) {
            return;
        }
        // No string concatenation here: its first use bootstraps invokedynamic, ~10 ms of start-up.
        byte[] text = line.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(text, text.length + 1);
        bytes[text.length] = '\n';
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            silenced = true;
            Log.warn("stdout failed, dropping further lines: " + e);
        }
    }

    synchronized void silence() {
        silenced = true;
    }
}
