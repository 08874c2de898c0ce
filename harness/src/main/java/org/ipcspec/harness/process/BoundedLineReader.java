package org.ipcspec.harness.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@code \n}-terminated UTF-8 lines of at most {@code maxBytes}, so that an endpoint that
 * writes an endless line costs the harness a bounded buffer, not its heap. A longer line is
 * consumed to its end and reported as {@link #OVERSIZED}.
 */
final class BoundedLineReader {

    /** Returned for a line longer than the limit. Compared by identity. */
    static final String OVERSIZED = new String("<oversized line>");

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private byte[] line = new byte[256];

    BoundedLineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line without its terminator, {@link #OVERSIZED}, or null at end of stream. */
    String readLine() throws IOException {
        int length = 0;
        boolean oversized = false;
        while (true) {
            if (start == end) {
                end = in.read(buffer);
                start = 0;
                if (end <= 0) {
                    end = 0;
                    if (length == 0 && !oversized) {
                        return null;
                    }
                    return oversized ? OVERSIZED : new String(line, 0, length, StandardCharsets.UTF_8);
                }
            }
            int newline = -1;
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int stop = newline < 0 ? end : newline;
            int chunk = stop - start;
            if (!oversized) {
                if (length + chunk > maxBytes) {
                    oversized = true;
                } else {
                    ensure(length + chunk);
                    System.arraycopy(buffer, start, line, length, chunk);
                    length += chunk;
                }
            }
            start = newline < 0 ? end : newline + 1;
            if (newline >= 0) {
                return oversized ? OVERSIZED : new String(line, 0, length, StandardCharsets.UTF_8);
            }
        }
    }

    private void ensure(int capacity) {
        if (capacity > line.length) {
            byte[] bigger = new byte[Math.max(capacity, line.length * 2)];
            System.arraycopy(line, 0, bigger, 0, line.length);
            line = bigger;
        }
    }
}
