package org.ipcspec.endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads request lines from stdin on its own thread, so that stdin EOF is seen even while the
 * request loop is blocked in a synchronous send or receive (docs/protocol.md#streams: exit within
 * 2 s of EOF). A line longer than {@link #MAX_LINE_BYTES} is skipped to its newline and delivered
 * as oversize, to be answered {@code invalid} without being held in memory.
 */
final class StdinPump implements Runnable {

    /** docs/protocol.md#streams: at most 1 MiB a line (its newline not counted). */
    static final int MAX_LINE_BYTES = 1 << 20;

    /** Where the pump delivers what it reads, in order. */
    interface Sink {
        void line(byte[] line);

        /** A line of {@code length} bytes that was over the limit and was dropped. */
        void oversize(long length);

        void endOfInput();
    }

    private final InputStream in;
    private final Sink sink;

    StdinPump(InputStream in, Sink sink) {
        this.in = in;
        this.sink = sink;
    }

    @Override
    public void run() {
        try {
            pump();
        } catch (IOException e) {
            Log.warn("stdin failed, treating it as EOF: " + e);
        } finally {
            sink.endOfInput();
        }
    }

    private void pump() throws IOException {
        byte[] chunk = new byte[64 * 1024];
        byte[] line = new byte[1024];
        int length = 0;
        long oversize = -1; // >= 0 while skipping an oversize line: its length so far
        int n;
        while ((n = in.read(chunk)) >= 0) {
            int from = 0;
            for (int i = 0; i < n; i++) {
                if (chunk[i] != '\n') {
                    continue;
                }
                int part = i - from;
                if (oversize >= 0) {
                    sink.oversize(oversize + part);
                    oversize = -1;
                } else if ((long) length + part > MAX_LINE_BYTES) {
                    sink.oversize((long) length + part);
                } else {
                    line = append(line, length, chunk, from, part);
                    sink.line(Arrays.copyOf(line, length + part));
                }
                length = 0;
                from = i + 1;
            }
            int rest = n - from;
            if (oversize >= 0) {
                oversize += rest;
            } else if ((long) length + rest > MAX_LINE_BYTES) {
                oversize = (long) length + rest;
                length = 0;
            } else {
                line = append(line, length, chunk, from, rest);
                length += rest;
            }
        }
        // An unterminated last line is still a line; an oversize one is still answered.
        if (oversize >= 0) {
            sink.oversize(oversize);
        } else if (length > 0) {
            sink.line(Arrays.copyOf(line, length));
        }
    }

    private static byte[] append(byte[] line, int length, byte[] chunk, int from, int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(length + count, Math.min(line.length * 2, MAX_LINE_BYTES)));
        }
        System.arraycopy(chunk, from, line, length, count);
        return line;
    }
}
