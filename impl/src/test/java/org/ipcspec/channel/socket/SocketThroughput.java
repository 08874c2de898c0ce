package org.ipcspec.channel.socket;

import java.nio.ByteBuffer;
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
 * Measures async 64-byte messages from one sender process to one receiver process (not a test):
 * <pre>
 * mvn -q -B -pl impl test-compile
 * java -cp impl/target/classes:impl/target/test-classes org.ipcspec.channel.socket.SocketThroughput [COUNT [CAPACITY [SIZE [async|sync]]]]
 * </pre>
 * This process is the receiver (receive mode as given; async polls with a {@link Backoff} on
 * EMPTY); it forks the sender, which retries FULL with a {@link Backoff}. The figure is messages from the first
 * receive to the last, divided by the time between them. Each message is checked (seq in order).
 */
public final class SocketThroughput {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("sender")) {
            sender(Path.of(args[1]), Long.parseLong(args[2]), Integer.parseInt(args[3]));
            return;
        }
        long count = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        int capacity = args.length > 1 ? Integer.parseInt(args[1]) : ChannelSpec.DEFAULT_CAPACITY;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        Mode mode = args.length > 3 ? Mode.valueOf(args[3].toUpperCase()) : Mode.ASYNC;
        Path dir = Files.createTempDirectory("ipcspec-tp");
        OwnerOnly.directory(dir);
        Path address = dir.resolve("c");
        ChannelSpec spec = ChannelSpec.of("socket", address, Role.RECEIVER, mode).withCapacity(capacity);
        Opened<Receiver> opened = Channels.openReceiver(spec);
        if (!opened.isOk()) {
            throw new IllegalStateException("open: " + opened);
        }
        Process sender = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SocketThroughput.class.getName(),
                "sender", address.toString(), Long.toString(count), Integer.toString(size))
                .inheritIO().start();
        try (Receiver receiver = opened.end()) {
            ByteBuffer into = ByteBuffer.allocateDirect(spec.maxMessageBytes());
            long first = 0;
            long emptyPolls = 0;
            Backoff backoff = new Backoff();
            for (long expected = 0; expected < count; ) {
                ReceiveStatus status = receiver.receive(into, TimeUnit.SECONDS.toNanos(10));
                if (status == ReceiveStatus.EMPTY) {
                    emptyPolls++;
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
                long seq = into.getLong(0);
                if (seq != expected || into.remaining() != size) {
                    throw new IllegalStateException("out of order: seq=" + seq + " expected=" + expected);
                }
                expected++;
            }
            long elapsed = System.nanoTime() - first;
            System.out.printf("socket %s receive, capacity %d, %d-byte messages: %d in %.3f s = %.0f msg/s (%d empty polls)%n",
                    mode.wireName(), capacity, size, count, elapsed / 1e9, (count - 1) * 1e9 / elapsed, emptyPolls);
        } finally {
            sender.waitFor(10, TimeUnit.SECONDS);
            sender.destroyForcibly();
            Files.deleteIfExists(address.resolveSibling("c.lock"));
            Files.deleteIfExists(dir);
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
        long full = 0;
        try (Sender sender = opened.end()) {
            for (long seq = 0; seq < count; seq++) {
                message.putLong(0, seq);
                SendStatus status;
                while ((status = sender.send(message, 0)) == SendStatus.FULL) {
                    full++;
                    backoff.idle();
                }
                backoff.reset();
                if (status != SendStatus.OK) {
                    throw new IllegalStateException("send: status=" + status + " seq=" + seq);
                }
            }
        }
        System.out.println("sender: " + count + " sent, " + full + " full retries");
    }
}
