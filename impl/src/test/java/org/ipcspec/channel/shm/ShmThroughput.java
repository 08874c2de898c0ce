package org.ipcspec.channel.shm;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.Channels;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.Role;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;
import org.ipcspec.channel.support.Backoff;
import org.ipcspec.channel.support.OwnerOnly;

/**
 * Not a test: measures asynchronous 64-byte messages from one sender process to one receiver
 * process. Run with the test classpath:
 * <pre>
 *   java -cp impl/target/classes:impl/target/test-classes org.ipcspec.channel.shm.ShmThroughput [COUNT [CAPACITY [RUNS]]]
 * </pre>
 * This process sends; it forks the receiver. A FULL send is retried after {@link Backoff#idle()},
 * the way the endpoint's send_many retries. The receiver reports messages per second from its
 * first to its last message, and checks order.
 */
public final class ShmThroughput {

    private static final int SIZE = 64;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("receive")) {
            receive(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000_000;
        int capacity = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("ipcspec-shm-bench");
        OwnerOnly.directory(dir);
        try {
            measure(dir, count, capacity, runs);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void measure(Path dir, int count, int capacity, int runs) throws Exception {
        for (int run = 1; run <= runs; run++) {
            Path address = dir.resolve("c" + run);
            Process receiver = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ShmThroughput.class.getName(),
                    "receive", address.toString(), Integer.toString(count), Integer.toString(capacity)))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            if (!"ready".equals(ready)) {
                throw new IllegalStateException("receiver said: " + ready);
            }
            long[] sendResult;
            String received;
            try {
                sendResult = send(address, count, capacity);
                received = out.readLine();
                receiver.waitFor(60, TimeUnit.SECONDS);
            } finally {
                receiver.destroyForcibly();
            }
            System.out.printf("run %d: count=%d capacity=%d sender %.2f M msg/s (full retries %d); receiver %s%n",
                    run, count, capacity, count * 1e3 / sendResult[0], sendResult[1], received);
        }
    }

    private static long[] send(Path address, int count, int capacity) {
        ChannelSpec spec = ChannelSpec.of("shm", address, Role.SENDER, Mode.ASYNC).withCapacity(capacity)
                .withMaxMessageBytes(SIZE);
        try (Sender sender = Channels.openSender(spec).end()) {
            ByteBuffer message = ByteBuffer.allocateDirect(SIZE);
            Backoff backoff = new Backoff();
            long fullRetries = 0;
            long start = System.nanoTime();
            for (long seq = 1; seq <= count; seq++) {
                message.putLong(0, seq);
                SendStatus status;
                while ((status = sender.send(message, 0)) == SendStatus.FULL) {
                    fullRetries++;
                    backoff.idle();
                }
                backoff.reset();
                if (status != SendStatus.OK) {
                    throw new IllegalStateException("send " + seq + ": " + status);
                }
            }
            return new long[] {System.nanoTime() - start, fullRetries};
        }
    }

    private static void receive(Path address, int count, int capacity) {
        ChannelSpec spec = ChannelSpec.of("shm", address, Role.RECEIVER, Mode.ASYNC).withCapacity(capacity)
                .withMaxMessageBytes(SIZE);
        try (Receiver receiver = Channels.openReceiver(spec).end()) {
            System.out.println("ready");
            System.out.flush();
            ByteBuffer into = ByteBuffer.allocateDirect(SIZE);
            Backoff backoff = new Backoff();
            long first = 0;
            long expected = 1;
            long emptyPolls = 0;
            while (expected <= count) {
                if (receiver.receive(into, 0) == ReceiveStatus.MESSAGE) {
                    if (first == 0) {
                        first = System.nanoTime();
                    }
                    long seq = into.getLong(0);
                    if (seq != expected) {
                        throw new IllegalStateException("out of order: expected=" + expected + " got=" + seq);
                    }
                    expected++;
                    backoff.reset();
                } else {
                    emptyPolls++;
                    backoff.idle();
                }
            }
            long elapsed = System.nanoTime() - first;
            System.out.printf("%.2f M msg/s in order (empty polls %d)%n", (count - 1) * 1e3 / elapsed, emptyPolls);
        }
    }
}
