package org.ipcspec.harness.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ipcspec.harness.bench.BenchResult.Percentiles;

/**
 * The raw Unix-domain-socket baseline: what plain Java does over the same kernel mechanism as the
 * socket transport, with no protocol, payload generation or checks. Frames are a 4-byte length
 * and the payload. One role per process:
 *
 * <pre>
 *   reader PATH SIZE UNTIMED COUNT  binds, hello; UNTIMED batches of COUNT frames, then
 *                                   TIMED_BATCHES, each after an ack of one byte (all read so far);
 *                                   result: last_t of each timed one (after its last frame)
 *   writer PATH SIZE UNTIMED COUNT  connects, hello; each batch after the reader's ack, its COUNT
 *                                   frames written in writes of 256 KiB; result: first_t of each timed one
 *   echo PATH SIZE                  binds, hello, answers each frame with an 8-byte ack frame
 *   ping PATH SIZE WARMUP COUNT     connects, hello, COUNT timed round trips (frame out, ack back)
 *                                   after WARMUP untimed ones; result: percentiles in ns
 * </pre>
 *
 * Throughput is then the reader's last_t minus the writer's first_t, as for the endpoints.
 */
public final class SocketBaseline {

    static final int LENGTH_BYTES = 4;
    static final int ACK_FRAME_BYTES = 8;
    static final int BATCH_BYTES = 256 * 1024;

    private SocketBaseline() {
    }

    public static void main(String[] args) throws IOException {
        String role = args[0];
        Path path = Path.of(args[1]);
        int size = Integer.parseInt(args[2]);
        switch (role) {
            case "reader" -> reader(path, size, Integer.parseInt(args[3]), Long.parseLong(args[4]), work(args, size));
            case "writer" -> writer(path, size, Integer.parseInt(args[3]), Long.parseLong(args[4]), work(args, size));
            case "echo" -> echo(path, size);
            case "ping" -> ping(path, size, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("unknown role: role=" + role);
        }
    }

    /** {@code protocol} as the last argument: each side also does the protocol's per-message work. */
    private static ProtocolWork work(String[] args, int size) {
        return args.length > 5 && args[5].equals("protocol") ? new ProtocolWork(size, true) : null;
    }

    private static SocketChannel accept(Path path) throws IOException {
        Files.deleteIfExists(path);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            BaselineLines.hello("uds-" + "server");
            return server.accept();
        }
    }

    private static SocketChannel connect(Path path) throws IOException {
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(path));
        BaselineLines.hello("uds-client");
        return channel;
    }

    private static void reader(Path path, int size, int untimed, long count, ProtocolWork work) throws IOException {
        try (SocketChannel channel = accept(path)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(BATCH_BYTES);
            buffer.flip();
            ByteBuffer payload = ByteBuffer.allocate(size);
            long[] lastT = TimedBatches.ends(untimed, count, batch -> writeFully(channel, ByteBuffer.allocate(1)),
                    first -> readFrames(channel, buffer, size, count, work, payload));
            if (work != null) {
                work.requireIntact();
            }
            BaselineLines.result("last_t", lastT);
        }
    }

    /** Consumes {@code frames} whole frames, reading more from the channel as needed; leftovers stay in the buffer. */
    private static void readFrames(SocketChannel channel, ByteBuffer buffer, int size, long frames, ProtocolWork work,
                                   ByteBuffer payload) throws IOException {
        int frameBytes = LENGTH_BYTES + size;
        long done = 0;
        while (done < frames) {
            while (buffer.remaining() >= frameBytes && done < frames) {
                int length = buffer.getInt(buffer.position());
                if (length != size) {
                    throw new IOException("bad frame: length=" + length + " expected=" + size + " frame=" + done);
                }
                if (work != null) {
                    // A receive copies the message out of the transport's buffer, then checks it.
                    payload.put(0, buffer, buffer.position() + LENGTH_BYTES, size);
                    work.check(payload);
                }
                buffer.position(buffer.position() + frameBytes);
                done++;
            }
            if (done < frames) {
                if (work != null) {
                    work.runEnded(); // the read may wait: what was collected gets its reading now
                }
                buffer.compact();
                if (channel.read(buffer) < 0) {
                    throw new EOFException("writer went away: frames=" + done + " of " + frames);
                }
                buffer.flip();
            }
        }
    }

    private static void writer(Path path, int size, int untimed, long count, ProtocolWork work) throws IOException {
        try (SocketChannel channel = connect(path)) {
            byte[] payload = new byte[size];
            for (int i = 0; i < size; i++) {
                payload[i] = (byte) (i * 7);
            }
            ByteBuffer batch = ByteBuffer.allocateDirect(BATCH_BYTES);
            long[] firstT = TimedBatches.starts(untimed, count, b -> {
                ByteBuffer ack = ByteBuffer.allocate(1);
                while (ack.hasRemaining()) {
                    if (channel.read(ack) < 0) {
                        throw new EOFException("reader went away before its ack of the frames so far: batch=" + b);
                    }
                }
            }, first -> writeFrames(channel, batch, payload, count, work, 1 + first));
            BaselineLines.result("first_t", firstT);
        }
    }

    private static void writeFrames(SocketChannel channel, ByteBuffer batch, byte[] payload, long frames, ProtocolWork work,
                                    long firstSeq) throws IOException {
        int frameBytes = LENGTH_BYTES + payload.length;
        ByteBuffer view = ByteBuffer.wrap(payload);
        batch.clear();
        for (long i = 0; i < frames; i++) {
            if (work != null) {
                work.generate(view, firstSeq + i);
            }
            if (batch.remaining() < frameBytes) {
                batch.flip();
                writeFully(channel, batch);
                batch.clear();
            }
            batch.putInt(payload.length).put(payload);
        }
        batch.flip();
        writeFully(channel, batch);
    }

    private static void echo(Path path, int size) throws IOException {
        try (SocketChannel channel = accept(path)) {
            ByteBuffer frame = ByteBuffer.allocateDirect(LENGTH_BYTES + size);
            ByteBuffer ack = ByteBuffer.allocateDirect(ACK_FRAME_BYTES);
            while (true) {
                frame.clear();
                if (!readFully(channel, frame)) {
                    return;
                }
                ack.clear();
                ack.putInt(ACK_FRAME_BYTES - LENGTH_BYTES).putInt(0).flip();
                writeFully(channel, ack);
            }
        }
    }

    private static void ping(Path path, int size, int warmup, int count) throws IOException {
        try (SocketChannel channel = connect(path)) {
            ByteBuffer frame = ByteBuffer.allocateDirect(LENGTH_BYTES + size);
            ByteBuffer ack = ByteBuffer.allocateDirect(ACK_FRAME_BYTES);
            long[] nanos = RoundTrips.time(warmup, count, () -> {
                frame.clear();
                frame.putInt(size).position(frame.limit()).flip();
                writeFully(channel, frame);
                ack.clear();
                if (!readFully(channel, ack)) {
                    throw new EOFException("echo went away in a round trip");
                }
            });
            Percentiles p = Stats.percentiles(nanos);
            Map<String, Number> fields = new LinkedHashMap<>();
            fields.put("count", p.count());
            fields.put("p50", p.p50());
            fields.put("p90", p.p90());
            fields.put("p99", p.p99());
            fields.put("max", p.max());
            fields.put("mean", p.mean());
            BaselineLines.result(fields);
        }
    }

    private static boolean readFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                if (buffer.position() == 0) {
                    return false;
                }
                throw new EOFException("peer went away mid-frame");
            }
        }
        return true;
    }

    private static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
