package org.ipcspec.channel.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.ipcspec.channel.ChannelException;
import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.Channels;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.Role;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;
import org.ipcspec.channel.testing.ChannelPeer;

/**
 * A spool on a full disk (a 64 KiB tmpfs; needs root, skipped otherwise): a send that cannot store
 * its message fails and leaves no file behind, however often it is retried; what was sent before is
 * collected; once the receiver has made room, the same message goes through.
 */
@Timeout(30)
class FullDiskTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @TempDir
    Path parent;
    private Path disk;
    private boolean mounted;

    @BeforeEach
    void mount() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small tmpfs needs root");
        disk = Files.createDirectory(parent.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "ipcspec-test", disk.toString())
                .inheritIO().start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "mount -t tmpfs refused");
        mounted = true;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            assertEquals(0, new ProcessBuilder("umount", disk.toString()).inheritIO().start().waitFor(), "umount " + disk);
        }
    }

    @Test
    void aSendToAFullDiskFailsLeavesNoFileAndGoesThroughOnceThereIsRoom() throws IOException {
        Path address = disk.resolve("c");
        try (Receiver receiver = Channels.openReceiver(ChannelSpec.of("file", address, Role.RECEIVER, Mode.ASYNC).withCapacity(1000)).end();
             Sender sender = Channels.openSender(ChannelSpec.of("file", address, Role.SENDER, Mode.ASYNC)).end()) {
            long seq = 0;
            ChannelException refused = null;
            while (refused == null && seq < 1000) {
                ByteBuffer message = ChannelPeer.payload(seq + 1, 1, 4000);
                try {
                    assertEquals(SendStatus.OK, sender.send(message, 0));
                    seq++;
                } catch (ChannelException e) {
                    refused = e;
                }
            }
            assertTrue(refused != null && refused.getMessage().contains("No space left"), "no send refused for want of space: " + refused);
            assertTrue(seq > 0, "the disk held no message at all");
            for (int retry = 0; retry < 5; retry++) {
                assertThrows(ChannelException.class, () -> sender.send(ChannelPeer.payload(999, 1, 4000), 0));
            }
            assertEquals(List.of(), files(address.resolve("tmp")), "refused sends left files in tmp/");

            ByteBuffer into = ByteBuffer.allocate(65536);
            for (long expected = 1; expected <= seq; expected++) {
                assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 0), "message " + expected);
                assertEquals(expected, into.getLong(0), "collected out of order");
                assertTrue(ChannelPeer.intact(into, expected), "message " + expected + " not intact");
            }
            assertEquals(ReceiveStatus.EMPTY, receiver.receive(into, 0), "a refused send left a message");
            assertEquals(SendStatus.OK, sender.send(ChannelPeer.payload(seq + 1, 1, 4000), 0), "no room after collecting everything");
            assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 5_000 * MS));
            assertEquals(seq + 1, into.getLong(0));
        }
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).toList();
        }
    }
}
