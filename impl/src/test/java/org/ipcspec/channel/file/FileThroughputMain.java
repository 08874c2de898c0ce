package org.ipcspec.channel.file;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
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
 * Measures asynchronous 64-byte throughput of the file transport from one sender process to one
 * receiver process (not a test: run it by hand). This process sends; it forks a receiver process
 * that collects everything with asynchronous receives and reports when it has the last message.
 *
 * <pre>
 *   mvn -q -B -pl impl test-compile
 *   java -cp impl/target/classes:impl/target/test-classes org.ipcspec.channel.file.FileThroughputMain [COUNT [CAPACITY]]
 * </pre>
 * Prints the sender's rate (sends that returned OK per second, FULL retried) and the end-to-end
 * rate (from the first send to the receiver holding the last message), then, as a baseline, what
 * a create-write-fsync-rename of one such file costs here (what a fully fsynced send would add).
 */
public final class FileThroughputMain {

    private static final int SIZE = 64;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("receive")) {
            receive(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int capacity = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        Path parent = Files.createTempDirectory("ipcspec-file-bench",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path address = parent.resolve("c");
        Process receiver = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FileThroughputMain.class.getName(),
                "receive", address.toString(), Integer.toString(count), Integer.toString(capacity)))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8));
            System.out.println("receiver: " + lines.readLine());
            ChannelSpec spec = ChannelSpec.of("file", address, Role.SENDER, Mode.ASYNC);
            Opened<Sender> opened = Channels.openSender(spec);
            if (!opened.isOk()) {
                throw new IllegalStateException("sender open: " + opened.status() + " " + opened.message());
            }
            try (Sender sender = opened.end()) {
                ByteBuffer message = ByteBuffer.allocate(SIZE);
                long full = 0;
                Backoff backoff = new Backoff();
                long start = System.nanoTime();
                for (long seq = 1; seq <= count; seq++) {
                    message.putLong(0, seq);
                    SendStatus status;
                    while ((status = sender.send(message, 0)) == SendStatus.FULL) {
                        full++;
                        backoff.idle();
                    }
                    backoff.reset();
                    if (status != SendStatus.OK) {
                        throw new IllegalStateException("send " + seq + ": " + status);
                    }
                }
                long sent = System.nanoTime() - start;
                String done = lines.readLine();
                long end = Long.parseLong(done.split(" ")[1]);
                System.out.printf("messages=%d size=%d capacity=%d full_retries=%d%n", count, SIZE, capacity, full);
                System.out.printf("sender:     %.0f msg/s (%.1f us/msg)%n", count / (sent / 1e9), sent / 1e3 / count);
                System.out.printf("end-to-end: %.0f msg/s (receiver: %s)%n", count / ((end - start) / 1e9), done);
            }
            System.out.printf("baseline: create+write+fsync+rename of a %d-byte file: %.1f us%n", SIZE,
                    fsyncRenameMicros(parent, 2000));
        } finally {
            receiver.destroyForcibly();
            receiver.waitFor(10, TimeUnit.SECONDS);
            try (var files = Files.walk(parent)) {
                List<Path> all = new ArrayList<>(files.toList());
                java.util.Collections.reverse(all);
                for (Path p : all) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** What every send would cost on top if asynchronous sends fsynced too: the reason they do not. */
    private static double fsyncRenameMicros(Path parent, int rounds) throws Exception {
        Path dir = Files.createDirectory(parent.resolve("fsync-probe"));
        ByteBuffer data = ByteBuffer.allocate(SIZE);
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            Path tmp = dir.resolve("t" + i);
            try (FileChannel file = OwnerOnly.createNew(tmp)) {
                file.write(data.clear());
                file.force(true);
            }
            Files.move(tmp, dir.resolve("m" + i), StandardCopyOption.ATOMIC_MOVE);
        }
        return (System.nanoTime() - start) / 1e3 / rounds;
    }

    private static void receive(Path address, int count, int capacity) throws Exception {
        ChannelSpec spec = ChannelSpec.of("file", address, Role.RECEIVER, Mode.ASYNC).withCapacity(capacity);
        Opened<Receiver> opened = Channels.openReceiver(spec);
        System.out.println("open " + opened.status().wireName());
        System.out.flush();
        ByteBuffer into = ByteBuffer.allocate(spec.maxMessageBytes());
        long empty = 0;
        long expected = 1;
        Backoff backoff = new Backoff();
        try (Receiver receiver = opened.end()) {
            for (int got = 0; got < count; ) {
                if (receiver.receive(into, 0) == ReceiveStatus.MESSAGE) {
                    if (into.getLong(0) != expected++) {
                        throw new IllegalStateException("out of order: expected=" + (expected - 1) + " got=" + into.getLong(0));
                    }
                    got++;
                    backoff.reset();
                } else {
                    empty++;
                    backoff.idle();
                }
            }
            System.out.println("done " + System.nanoTime() + " empty_polls=" + empty);
        }
    }
}
