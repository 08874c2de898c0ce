package org.ipcspec.endpoint;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The endpoint program: speaks the driver protocol (docs/protocol.md) on stdin and
 * stdout, logs on stderr. {@code java -jar ipcspec-endpoint.jar}.
 *
 * <p>Three threads: the caller writes {@code hello} and waits for the end; {@code ipcspec-stdin}
 * reads request lines ({@link StdinPump}); {@code ipcspec-requests} runs them one at a time
 * ({@link Session}). Both are daemons, so a call abandoned at stdin EOF never holds the process.
 */
public final class Endpoint {

    /** The protocol version this endpoint speaks. */
    public static final int PROTOCOL = 1;

    private Endpoint() {
    }

    public static void main(String[] args) {
        // Unbuffered streams on the descriptors: LineWriter writes each line in one call.
        int code = run(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out),
                ChannelOpener.CHANNELS);
        System.exit(code);
    }

    /**
     * Runs one endpoint session: writes {@code hello}, then answers requests from {@code in} on
     * {@code out} until {@code exit} (returns 0) or EOF of {@code in} (returns 0 within about a
     * second, even if a blocking call is still running; that call's thread is left behind as a
     * daemon, and a caller other than {@link #main} must be prepared for that).
     *
     * @param opener opens the channel ends; a test endpoint may wrap them with faults
     * @return the process exit code
     */
    public static int run(InputStream in, OutputStream out, ChannelOpener opener) {
        LineWriter writer = new LineWriter(out);
        writer.write(hello(opener));
        Session session = new Session(writer, opener);
        Thread requests = new Thread(session, "ipcspec-requests");
        requests.setDaemon(true);
        requests.start();
        Thread stdin = new Thread(new StdinPump(in, session), "ipcspec-stdin");
        stdin.setDaemon(true);
        stdin.start();
        try {
            return session.awaitEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    static JsonLine hello(ChannelOpener opener) {
        return new JsonLine()
                .string("type", "hello")
                .number("protocol", PROTOCOL)
                .string("implementation", opener.implementation())
                .string("version", opener.version())
                .strings("transports", opener.transports())
                .string("clock", "monotonic");
    }
}
