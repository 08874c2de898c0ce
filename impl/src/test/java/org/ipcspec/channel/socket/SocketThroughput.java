package org.ipcspec.channel.socket;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.Channels;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.Opened;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.Role;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;
import org.ipcspec.channel.support.Backoff;
import org.ipcspec.channel.support.OwnerOnly;

/**
 * Measures async messages from one sender process to one receiver process (not a test):
 * <pre>
 * mvn -q -B -pl impl test-compile
 * java -cp impl/target/classes:impl/target/test-classes org.ipcspec.channel.socket.SocketThroughput \
 *     [COUNT [CAPACITY [SIZE [async|sync]]]]        (defaults 2000000 64 64 sync)
 * </pre>
 * This process receives (async polls back off on EMPTY) and forks the sender, which retries FULL
 * with a {@link Backoff}. Each message is checked to arrive in order. Printed side by side, from
 * the same run: a baseline of bare NIO calls doing the same system calls per message as the
 * transport (one write per frame, one 16-byte ack write per message, a window of CAPACITY), so
 * that a figure taken on a loaded machine can be judged against what the machine gave then.
 */
public final class SocketThroughput {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("sender")) {
            sender(Path.of(args[1]), Long.parseLong(args[2]), Integer.parseInt(args[3]));
            return;
        }
        if (args.length > 0 && args[0].equals("sync-sender")) {
            syncSender(Path.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
        if (args.length > 0 && args[0].equals("baseline-sender")) {
            baselineSender(Path.of(args[1]), Long.parseLong(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            return;
        }
        long count = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        int capacity = args.length > 1 ? Integer.parseInt(args[1]) : ChannelSpec.DEFAULT_CAPACITY;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        Mode mode = args.length > 3 ? Mode.valueOf(args[3].toUpperCase()) : Mode.SYNC;
        Path dir = Files.createTempDirectory("ipcspec-tp");
        OwnerOnly.directory(dir);
        try {
            double baseline = baseline(dir.resolve("b"), count, size, capacity);
            double transport = transport(dir.resolve("c"), count, size, capacity, mode);
            System.out.printf("%d-byte messages, capacity %d, %d messages, one sender process -> one receiver process%n",
                    size, capacity, count);
            System.out.printf("  bare NIO, same syscalls per message : %,10.0f msg/s%n", baseline);
            System.out.printf("  socket transport, %-5s receive     : %,10.0f msg/s (%.0f%% of the baseline)%n",
                    mode.wireName(), transport, 100 * transport / baseline);
            roundTrips(dir.resolve("r"), 20_000);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static double transport(Path address, long count, int size, int capacity, Mode mode) throws Exception {
        ChannelSpec spec = ChannelSpec.of("socket", address, Role.RECEIVER, mode).withCapacity(capacity);
        Opened<Receiver> opened = Channels.openReceiver(spec);
        if (!opened.isOk()) {
            throw new IllegalStateException("open: " + opened);
        }
        Process sender = fork("sender", address.toString(), Long.toString(count), Integer.toString(size));
        try (Receiver receiver = opened.end()) {
            ByteBuffer into = ByteBuffer.allocateDirect(spec.maxMessageBytes());
            long first = 0;
            Backoff backoff = new Backoff();
            for (long expected = 0; expected < count; ) {
                ReceiveStatus status = receiver.receive(into, TimeUnit.SECONDS.toNanos(10));
                if (status == ReceiveStatus.EMPTY) {
                    backoff.idle();
                    continue;
                }
                backoff.reset();
                if (status != ReceiveStatus.MESSAGE) {
                    throw new IllegalStateException("receive: status=" + status + " after=" + expected);
                }
                if (expected == 0) {
                    first = System.nanoTime();
                }
                if (into.getLong(0) != expected || into.remaining() != size) {
                    throw new IllegalStateException("out of order: seq=" + into.getLong(0) + " expected=" + expected);
                }
                expected++;
            }
            return (count - 1) * 1e9 / (System.nanoTime() - first);
        } finally {
            reap(sender);
        }
    }

    private static void sender(Path address, long count, int size) {
        ChannelSpec spec = ChannelSpec.of("socket", address, Role.SENDER, Mode.ASYNC).withOpenTimeout(Duration.ofSeconds(10));
        Opened<Sender> opened = Channels.openSender(spec);
        if (!opened.isOk()) {
            throw new IllegalStateException("open: " + opened);
        }
        ByteBuffer message = ByteBuffer.allocateDirect(size);
        Backoff backoff = new Backoff();
        try (Sender sender = opened.end()) {
            for (long seq = 0; seq < count; seq++) {
                message.putLong(0, seq);
                SendStatus status;
                while ((status = sender.send(message, 0)) == SendStatus.FULL) {
                    backoff.idle();
                }
                backoff.reset();
                if (status != SendStatus.OK) {
                    throw new IllegalStateException("send: status=" + status + " seq=" + seq);
                }
            }
        }
    }

    /** Sync sends answered by sync receives: the sender prints the distribution of its send times. */
    private static void roundTrips(Path address, int count) throws Exception {
        ChannelSpec spec = ChannelSpec.of("socket", address, Role.RECEIVER, Mode.SYNC);
        Opened<Receiver> opened = Channels.openReceiver(spec);
        Process sender = fork("sync-sender", address.toString(), Integer.toString(count));
        try (Receiver receiver = opened.end()) {
            ByteBuffer into = ByteBuffer.allocateDirect(spec.maxMessageBytes());
            for (int i = 0; i < count; i++) {
                if (receiver.receive(into, TimeUnit.SECONDS.toNanos(10)) != ReceiveStatus.MESSAGE) {
                    throw new IllegalStateException("round trip " + i + " not received");
                }
            }
        } finally {
            reap(sender);
        }
    }

    private static void syncSender(Path address, int count) {
        Opened<Sender> opened = Channels.openSender(ChannelSpec.of("socket", address, Role.SENDER, Mode.SYNC)
                .withOpenTimeout(Duration.ofSeconds(10)));
        ByteBuffer message = ByteBuffer.allocateDirect(64);
        long[] nanos = new long[count];
        try (Sender sender = opened.end()) {
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                if (sender.send(message, TimeUnit.SECONDS.toNanos(10)) != SendStatus.OK) {
                    throw new IllegalStateException("sync send " + i + " not ok");
                }
                nanos[i] = System.nanoTime() - start;
            }
        }
        java.util.Arrays.sort(nanos);
        System.out.printf("  sync send -> sync receive, 64 bytes : p50 %.1f us, p99 %.1f us (%d round trips)%n",
                nanos[count / 2] / 1e3, nanos[count * 99 / 100] / 1e3, count);
    }

    /** Bare NIO: 8-byte length + payload per write; the receiver parses and writes a 16-byte count frame per message. */
    private static double baseline(Path address, long count, int size, int capacity) throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(address));
            Process sender = fork("baseline-sender", address.toString(), Long.toString(count), Integer.toString(size),
                    Integer.toString(capacity));
            try (SocketChannel channel = server.accept()) {
                // As the transport does: room for a window of unread acks, or both ends block.
                channel.setOption(StandardSocketOptions.SO_SNDBUF, SocketTransport.sendBufferBytes(capacity, 16));
                ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024).limit(0);
                ByteBuffer ack = ByteBuffer.allocateDirect(16);
                ByteBuffer into = ByteBuffer.allocateDirect(size);
                int frame = 8 + size;
                long received = 0;
                long first = 0;
                while (received < count) {
                    in.compact();
                    if (channel.read(in) < 0) {
                        throw new IOException("baseline sender ended early");
                    }
                    in.flip();
                    while (in.remaining() >= frame) {
                        int start = in.position();
                        int limit = in.limit();
                        in.position(start + 8).limit(start + frame);
                        into.clear();
                        into.put(in);
                        in.limit(limit);
                        if (received++ == 0) {
                            first = System.nanoTime();
                        }
                        ack.clear();
                        ack.putLong(0).putLong(received).flip();
                        channel.write(ack);
                    }
                }
                return (count - 1) * 1e9 / (System.nanoTime() - first);
            } finally {
                reap(sender);
            }
        }
    }

    private static void baselineSender(Path address, long count, int size, int capacity) throws Exception {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(address))) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, SocketTransport.sendBufferBytes(capacity, 8 + size));
            ByteBuffer out = ByteBuffer.allocateDirect(8 + size);
            ByteBuffer acks = ByteBuffer.allocateDirect(64 * 1024);
            Backoff backoff = new Backoff();
            long acked = 0;
            for (long seq = 0; seq < count; seq++) {
                while (seq - acked >= capacity) {
                    acks.clear();
                    int read = channel.read(acks);
                    if (read > 0) {
                        acked = acks.getLong(read - 8);
                    } else {
                        backoff.idle();
                    }
                }
                backoff.reset();
                out.clear();
                out.putInt(size).putInt(0).putLong(seq).position(8 + size).flip();
                while (out.hasRemaining()) {
                    channel.write(out);
                }
            }
            Thread.sleep(2000); // the receiver finishes reading before this end closes
        }
    }

    private static Process fork(String... args) throws IOException {
        String[] command = new String[4 + args.length];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command[1] = "-cp";
        command[2] = System.getProperty("java.class.path");
        command[3] = SocketThroughput.class.getName();
        System.arraycopy(args, 0, command, 4, args.length);
        return new ProcessBuilder(command).inheritIO().start();
    }

    private static void reap(Process process) throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
