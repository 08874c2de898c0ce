package org.ipcspec.channel.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.Channels;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.OpenStatus;
import org.ipcspec.channel.Opened;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.Role;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;
import org.ipcspec.channel.support.OwnerOnly;
import org.ipcspec.channel.testing.ChannelPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The file transport within one JVM: statuses, formats, leftovers, and what lands on disk. */
@Timeout(20)
class FileTransportTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @TempDir
    Path parent;

    private Path address() {
        return parent.resolve("c");
    }

    private ChannelSpec receiverSpec(Mode mode) {
        return ChannelSpec.of("file", address(), Role.RECEIVER, mode);
    }

    private ChannelSpec senderSpec(Mode mode) {
        return ChannelSpec.of("file", address(), Role.SENDER, mode).withOpenTimeout(Duration.ofMillis(500));
    }

    private static Receiver open(ChannelSpec spec) {
        Opened<Receiver> opened = Channels.openReceiver(spec);
        assertEquals(OpenStatus.OK, opened.status(), opened.message());
        return opened.end();
    }

    private static Sender attach(ChannelSpec spec) {
        Opened<Sender> opened = Channels.openSender(spec);
        assertEquals(OpenStatus.OK, opened.status(), opened.message());
        return opened.end();
    }

    private static long receiveSeq(Receiver receiver, ByteBuffer into) {
        assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 5_000 * MS));
        assertTrue(ChannelPeer.intact(into, into.getLong(0)), "intact");
        return into.getLong(0);
    }

    private int count(Path dir) throws IOException {
        return QueueListing.names(dir).size();
    }

    @Test
    void syncSendTimesOutAndItsMessageStaysToBeCollected() {
        try (Receiver receiver = open(receiverSpec(Mode.SYNC)); Sender sender = attach(senderSpec(Mode.SYNC))) {
            long start = System.nanoTime();
            assertEquals(SendStatus.TIMEOUT, sender.send(ChannelPeer.payload(1, 1, 64), 300 * MS));
            long elapsed = System.nanoTime() - start;
            assertTrue(elapsed >= 300 * MS, "returned early: elapsed_ms=" + elapsed / MS);

            ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
            assertEquals(1, receiveSeq(receiver, into));

            start = System.nanoTime();
            assertEquals(ReceiveStatus.TIMEOUT, receiver.receive(into, 200 * MS));
            elapsed = System.nanoTime() - start;
            assertTrue(elapsed >= 200 * MS, "returned early: elapsed_ms=" + elapsed / MS);
        }
    }

    @Test
    void asyncReceiveOnEmptyChannelReturnsEmptyAtOnce() {
        try (Receiver receiver = open(receiverSpec(Mode.ASYNC))) {
            long start = System.nanoTime();
            assertEquals(ReceiveStatus.EMPTY, receiver.receive(ByteBuffer.allocate(receiver.maxMessageBytes()), Receiver.FOREVER));
            assertTrue(System.nanoTime() - start < 1_000 * MS);
        }
    }

    @Test
    void oversizedMessageIsTooLargeAndNothingIsWritten() throws IOException {
        try (Receiver receiver = open(receiverSpec(Mode.ASYNC).withMaxMessageBytes(100));
             Sender sender = attach(senderSpec(Mode.ASYNC));
             Sender lower = attach(senderSpec(Mode.ASYNC).withMaxMessageBytes(50).withSenderId(2))) {
            assertEquals(100, sender.maxMessageBytes());
            assertEquals(50, lower.maxMessageBytes());
            assertEquals(SendStatus.TOO_LARGE, sender.send(ChannelPeer.payload(1, 1, 101), 0));
            assertEquals(SendStatus.TOO_LARGE, lower.send(ChannelPeer.payload(1, 2, 60), 0));
            assertEquals(0, count(address().resolve("new")));
            assertEquals(0, count(address().resolve("tmp")));
            assertEquals(SendStatus.OK, sender.send(ChannelPeer.payload(2, 1, 100), 0));
            ByteBuffer into = ByteBuffer.allocate(100);
            assertEquals(2, receiveSeq(receiver, into));
            assertEquals(100, into.remaining());
        }
    }

    @Test
    void differentContentTypeIsFormatMismatch() {
        try (Receiver receiver = open(receiverSpec(Mode.ASYNC).withContentType("application/json"))) {
            Opened<Sender> opened = Channels.openSender(senderSpec(Mode.ASYNC).withContentType("text/plain"));
            assertEquals(OpenStatus.FORMAT_MISMATCH, opened.status());
            attach(senderSpec(Mode.ASYNC).withContentType("application/json")).close();
        }
    }

    @Test
    void senderWithoutLiveReceiverIsNotFound() {
        long start = System.nanoTime();
        assertEquals(OpenStatus.NOT_FOUND, Channels.openSender(senderSpec(Mode.ASYNC)).status());
        assertTrue(System.nanoTime() - start >= 500 * MS, "gave up before its open timeout");
        open(receiverSpec(Mode.ASYNC)).close();
        // The metadata of a closed receiver stays behind; it must not count as a channel.
        assertEquals(OpenStatus.NOT_FOUND, Channels.openSender(senderSpec(Mode.ASYNC)).status());
    }

    @Test
    void secondReceiverInTheSameProcessIsBusy() {
        try (Receiver receiver = open(receiverSpec(Mode.ASYNC))) {
            assertEquals(OpenStatus.BUSY, Channels.openReceiver(receiverSpec(Mode.ASYNC)).status());
        }
        open(receiverSpec(Mode.ASYNC)).close();
    }

    @Test
    void receiverCloseDiscardsNothingAndOldSendersStayClosed() {
        Sender old;
        try (Receiver first = open(receiverSpec(Mode.ASYNC))) {
            old = attach(senderSpec(Mode.ASYNC));
            for (long seq = 1; seq <= 3; seq++) {
                assertEquals(SendStatus.OK, old.send(ChannelPeer.payload(seq, 1, 64), 0));
            }
        }
        // An async send probes the receiver at most every PROBE_INTERVAL_NANOS: it learns of the
        // close that much later at most, and what it sent meanwhile waits for the next receiver.
        long closedAt = System.nanoTime();
        long seq = 4;
        SendStatus status;
        long bound = FileSender.PROBE_INTERVAL_NANOS + 2_000 * MS; // and a loaded machine's slack
        // OK puts one more file in new/; FULL (capacity reached before the probe) writes nothing.
        while ((status = old.send(ChannelPeer.payload(seq, 1, 64), 0)) != SendStatus.CLOSED
                && System.nanoTime() - closedAt < bound) {
            assertTrue(status == SendStatus.OK || status == SendStatus.FULL, "unexpected " + status);
            if (status == SendStatus.OK) {
                seq++;
            }
        }
        assertEquals(SendStatus.CLOSED, status, "closed learnt within the probe interval");
        long lastOk = seq - 1;
        try (Receiver second = open(receiverSpec(Mode.ASYNC))) {
            // Attached to the first receiver: CLOSED even though a receiver lives again.
            assertEquals(SendStatus.CLOSED, old.send(ChannelPeer.payload(seq, 1, 64), 0));
            ByteBuffer into = ByteBuffer.allocate(second.maxMessageBytes());
            for (long s = 1; s <= lastOk; s++) {
                assertEquals(s, receiveSeq(second, into));
            }
            try (Sender fresh = attach(senderSpec(Mode.ASYNC))) {
                assertEquals(SendStatus.OK, fresh.send(ChannelPeer.payload(lastOk + 1, 1, 64), 0));
            }
            assertEquals(lastOk + 1, receiveSeq(second, into));
            assertEquals(ReceiveStatus.EMPTY, second.receive(into, 0));
        }
    }

    @Test
    void corruptOrForeignFilesInTheQueueAreNeverDelivered() throws IOException {
        try (Receiver receiver = open(receiverSpec(Mode.ASYNC))) {
            Path queue = address().resolve("new");
            byte[] good = messageFile(1, ChannelPeer.payload(1, 1, 64));
            byte[] badCrc = good.clone();
            badCrc[badCrc.length - 1] ^= 1;
            byte[] torn = java.util.Arrays.copyOf(good, good.length - 10);
            byte[] badMagic = good.clone();
            badMagic[0] = 'X';
            byte[] future = good.clone();
            future[7] = 2;
            Path outside = parent.resolve("outside");
            Files.write(outside, messageFile(1, ChannelPeer.payload(9, 1, 64)));

            write(queue.resolve(name(1, "0000000001-a", 1)), badCrc);
            write(queue.resolve(name(2, "0000000001-a", 2)), torn);
            write(queue.resolve(name(3, "0000000001-a", 3)), badMagic);
            write(queue.resolve(name(4, "0000000001-a", 4)), future);
            write(queue.resolve(name(5, "0000000001-a", 5)), new byte[3]);
            Files.createSymbolicLink(queue.resolve(name(6, "0000000001-a", 6)), outside);
            write(queue.resolve("junk"), new byte[100]);
            write(queue.resolve(name(7, "0000000001-a", 7)), good);

            ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
            assertEquals(1, receiveSeq(receiver, into));
            assertEquals(ReceiveStatus.EMPTY, receiver.receive(into, 0));
            assertEquals(7, count(address().resolve("bad")));
            assertEquals(0, count(queue));
            assertEquals(0, count(address().resolve("cur")));
        }
    }

    @Test
    void nextReceiverDeliversCollectionLeftInCurFirstAndDropsUnfinishedWrites() throws IOException {
        open(receiverSpec(Mode.ASYNC)).close();
        String key = "0000000001-00000000000000aa";
        write(address().resolve("cur").resolve(name(10, key, 1)), messageFile(1, ChannelPeer.payload(1, 1, 64)));
        write(address().resolve("new").resolve(name(11, key, 2)), messageFile(1, ChannelPeer.payload(2, 1, 64)));
        write(address().resolve("tmp").resolve(name(12, key, 3)), messageFile(1, ChannelPeer.payload(3, 1, 64)));
        try (Receiver receiver = open(receiverSpec(Mode.ASYNC))) {
            assertEquals(0, count(address().resolve("tmp")));
            ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
            assertEquals(1, receiveSeq(receiver, into));
            assertEquals(2, receiveSeq(receiver, into));
            assertEquals(ReceiveStatus.EMPTY, receiver.receive(into, 0));
        }
    }

    @Test
    void everythingCreatedIsOwnerOnly() throws IOException {
        try (Receiver receiver = open(receiverSpec(Mode.ASYNC)); Sender sender = attach(senderSpec(Mode.ASYNC))) {
            for (long seq = 1; seq <= 3; seq++) {
                assertEquals(SendStatus.OK, sender.send(ChannelPeer.payload(seq, 1, 64), 0));
            }
            Files.write(address().resolve("new").resolve(name(1, "x", 1)), new byte[5]); // goes to bad/
            ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
            assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 0));
            List<Path> checked = new ArrayList<>();
            try (Stream<Path> all = Files.walk(address())) {
                for (Path path : all.toList()) {
                    if (path.getFileName().toString().equals(name(1, "x", 1))) {
                        continue; // planted by this test, not created by the channel
                    }
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                    Set<PosixFilePermission> expected = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                            ? OwnerOnly.DIRECTORY : OwnerOnly.FILE;
                    assertEquals(expected, permissions, "path=" + path);
                    checked.add(path);
                }
            }
            // address, lock, live.*, channel, tmp, new, cur, bad, two queued messages
            assertEquals(10, checked.size(), "checked=" + checked);
        }
    }

    @Test
    void symbolicLinkAtTheAddressIsRefused() throws IOException {
        Path target = Files.createDirectory(parent.resolve("elsewhere"));
        Files.createSymbolicLink(address(), target);
        assertEquals(OpenStatus.IO, Channels.openReceiver(receiverSpec(Mode.ASYNC)).status());
        assertEquals(OpenStatus.IO, Channels.openSender(senderSpec(Mode.ASYNC)).status());
        assertEquals(0, count(target), "nothing created through the link");
    }

    @Test
    void symbolicLinkPlantedAsTheLockIsRefused() throws IOException {
        Files.createDirectory(address());
        Files.createSymbolicLink(address().resolve("lock"), parent.resolve("victim"));
        assertEquals(OpenStatus.IO, Channels.openReceiver(receiverSpec(Mode.ASYNC)).status());
        assertTrue(Files.notExists(parent.resolve("victim")));
    }

    @Test
    void listingKeepsEachSendersPrefixWhenTheFirstListingMissedAnEarlierFile() {
        String a1 = name(1, "a", 1);
        String a2 = name(2, "a", 2);
        String a3 = name(5, "a", 3);
        String b1 = name(3, "b", 1);
        String b2 = name(4, "b", 2);
        String c1 = name(0, "c", 1);
        // The first listing saw a2 but missed a1 (renamed in during the listing); a3, b2, c1 came later.
        List<String> first = List.of(b1, a2);
        List<String> second = List.of(a3, c1, a1, b2, a2, b1);
        assertEquals(List.of(a1, a2, b1), QueueListing.collectable(first, second));
    }

    @Test
    void namesOfOneSenderSortInSendingOrder() {
        String key = MessageName.senderKey(-1, 0xabcL);
        assertEquals("4294967295-0000000000000abc", key);
        String earlier = MessageName.format(1_700_000_000_000_000L, key, 9);
        String later = MessageName.format(1_700_000_000_000_000L, key, 10);
        assertTrue(earlier.compareTo(later) < 0);
        assertTrue(later.compareTo(MessageName.format(1_700_000_000_000_001L, key, 11)) < 0);
        assertEquals(key, MessageName.keyOf(later));
    }

    @Test
    void messageFileMatchesTheTestVectorOfTheWireFormatDoc() {
        byte[] file = messageFile(7, ByteBuffer.wrap("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertEquals("4950464d000000010000000700000003540fd3a0616263", java.util.HexFormat.of().formatHex(file));
        assertEquals(null, MessageDescriptor.whyNotIntact(ByteBuffer.wrap(file), 3, new CRC32C()));
        assertTrue(MessageDescriptor.whyNotIntact(ByteBuffer.wrap(file), 2, new CRC32C()).startsWith("length"));
    }

    @Test
    void metadataRoundTripsAndAnotherVersionIsRefusedNamingBoth() {
        var metadata = new ChannelDescriptor.Metadata(64, 65536, 0x0123456789abcdefL, "application/json");
        ByteBuffer encoded = ChannelDescriptor.encode(metadata);
        assertEquals(28 + 16, encoded.limit());
        assertEquals(metadata, ChannelDescriptor.decode(encoded));
        encoded.putInt(ChannelDescriptor.VERSION_OFFSET, 2);
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.ipcspec.channel.ChannelException.class,
                () -> ChannelDescriptor.decode(encoded));
        assertEquals("version not compatible: app=1 file=2", e.getMessage());
    }

    private static String name(long time, String key, long counter) {
        return MessageName.format(time, key, counter);
    }

    private static byte[] messageFile(int senderId, ByteBuffer payload) {
        ByteBuffer header = ByteBuffer.allocate(MessageDescriptor.HEADER_LENGTH);
        MessageDescriptor.encodeHeader(header, senderId, payload, new CRC32C());
        ByteBuffer file = ByteBuffer.allocate(header.remaining() + payload.remaining());
        file.put(header).put(payload.duplicate());
        return file.array();
    }

    private static void write(Path file, byte[] content) throws IOException {
        try (var channel = OwnerOnly.createNew(file)) {
            channel.write(ByteBuffer.wrap(content));
        }
    }
}
