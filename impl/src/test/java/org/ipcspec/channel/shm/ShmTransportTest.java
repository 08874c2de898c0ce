package org.ipcspec.channel.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.ipcspec.channel.ChannelException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both ends in this process (threads where one end blocks): statuses, limits, files. */
@Timeout(20)
class ShmTransportTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @TempDir
    Path dir;

    private final List<AutoCloseable> ends = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void closeEnds() throws Exception {
        threads.shutdownNow();
        for (AutoCloseable end : ends) {
            end.close();
        }
    }

    @Test
    void asyncSendIsReceivedIntactThenReceiveIsEmpty() {
        Receiver receiver = receiver(spec(Role.RECEIVER, Mode.ASYNC));
        Sender sender = sender(spec(Role.SENDER, Mode.ASYNC));
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
        assertEquals(ReceiveStatus.EMPTY, receiver.receive(into, 0));
        ByteBuffer message = ChannelPeer.payload(1, 1, 100);
        message.position(3);
        assertEquals(SendStatus.OK, sender.send(message, 0));
        assertEquals(3, message.position(), "send leaves the position alone");
        assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 0));
        assertEquals(97, into.remaining());
        assertEquals(message.slice(), into);
        assertEquals(ReceiveStatus.EMPTY, receiver.receive(into, 0));
    }

    @Test
    void asyncSendReturnsFullAtCapacityAndLosesNothing() {
        receiver(spec(Role.RECEIVER, Mode.ASYNC).withCapacity(5));
        Receiver receiver = (Receiver) ends.get(0);
        Sender sender = sender(spec(Role.SENDER, Mode.ASYNC));
        for (int seq = 1; seq <= 5; seq++) {
            assertEquals(SendStatus.OK, sender.send(ChannelPeer.payload(seq, 1, 64), 0));
        }
        assertEquals(SendStatus.FULL, sender.send(ChannelPeer.payload(6, 1, 64), 0));
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
        assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 0));
        assertEquals(1, into.getLong(0));
        assertEquals(SendStatus.OK, sender.send(ChannelPeer.payload(6, 1, 64), 0), "one collected, one more fits");
        for (int seq = 2; seq <= 6; seq++) {
            assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 0));
            assertEquals(seq, into.getLong(0));
            assertTrue(ChannelPeer.intact(into, seq));
        }
        assertEquals(ReceiveStatus.EMPTY, receiver.receive(into, 0));
    }

    @Test
    void batchCollectionsAreCountedInAWindowAndAllOnceTheReceiverRunsOut() {
        Receiver receiver = receiver(spec(Role.RECEIVER, Mode.ASYNC).withCapacity(8));
        Sender sender = sender(spec(Role.SENDER, Mode.ASYNC));
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
        long seq = 1;
        for (int i = 0; i < 8; i++) {
            assertEquals(SendStatus.OK, sender.sendMore(ChannelPeer.payload(seq++, 1, 64), 0));
        }
        assertEquals(SendStatus.FULL, sender.sendMore(ChannelPeer.payload(seq, 1, 64), 0));
        assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 0));
        assertEquals(SendStatus.FULL, sender.sendMore(ChannelPeer.payload(seq, 1, 64), 0),
                "one collection of a batch waits in the window (a quarter of capacity 8: 2)");
        assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 0));
        assertEquals(SendStatus.OK, sender.sendMore(ChannelPeer.payload(seq++, 1, 64), 0), "a full window is counted");
        assertEquals(SendStatus.OK, sender.sendMore(ChannelPeer.payload(seq++, 1, 64), 0));
        assertEquals(SendStatus.FULL, sender.sendMore(ChannelPeer.payload(seq, 1, 64), 0));
        for (long expected = 3; expected < seq; expected++) {
            assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 0));
            assertEquals(expected, into.getLong(0));
        }
        assertEquals(ReceiveStatus.EMPTY, receiver.receive(into, 0));
        for (int i = 0; i < 7; i++) {
            assertEquals(SendStatus.OK, sender.sendMore(ChannelPeer.payload(seq++, 1, 64), 0),
                    "a receiver that ran out has counted everything it collected");
        }
        assertEquals(SendStatus.OK, sender.send(ChannelPeer.payload(seq++, 1, 64), 0), "the batch's closing send");
        assertEquals(SendStatus.FULL, sender.send(ChannelPeer.payload(seq, 1, 64), 0));
        assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 0));
        assertEquals(SendStatus.OK, sender.send(ChannelPeer.payload(seq, 1, 64), 0),
                "outside a batch a collection is counted before the receive returns");
    }

    @Test
    void capacityIsPerSender() {
        Receiver receiver = receiver(spec(Role.RECEIVER, Mode.ASYNC).withCapacity(2));
        Sender a = sender(spec(Role.SENDER, Mode.ASYNC).withSenderId(1));
        Sender b = sender(spec(Role.SENDER, Mode.ASYNC).withSenderId(2));
        assertEquals(SendStatus.OK, a.send(ChannelPeer.payload(1, 1, 32), 0));
        assertEquals(SendStatus.OK, a.send(ChannelPeer.payload(2, 1, 32), 0));
        assertEquals(SendStatus.FULL, a.send(ChannelPeer.payload(3, 1, 32), 0));
        assertEquals(SendStatus.OK, b.send(ChannelPeer.payload(1, 2, 32), 0));
        a.close();
        Sender c = sender(spec(Role.SENDER, Mode.ASYNC).withSenderId(3));
        assertEquals(SendStatus.OK, c.send(ChannelPeer.payload(1, 3, 32), 0));
        assertEquals(SendStatus.OK, c.send(ChannelPeer.payload(2, 3, 32), 0), "a reused slot starts at zero");
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
        int received = 0;
        while (receiver.receive(into, 0) == ReceiveStatus.MESSAGE) {
            received++;
        }
        assertEquals(5, received);
    }

    @Test
    void tooLargeWritesNothingAndSenderMayOnlyLowerItsLimit() {
        Receiver receiver = receiver(spec(Role.RECEIVER, Mode.ASYNC).withMaxMessageBytes(100));
        Sender wide = sender(spec(Role.SENDER, Mode.ASYNC).withMaxMessageBytes(1000));
        Sender narrow = sender(spec(Role.SENDER, Mode.SYNC).withMaxMessageBytes(50));
        assertEquals(100, wide.maxMessageBytes());
        assertEquals(50, narrow.maxMessageBytes());
        assertEquals(SendStatus.TOO_LARGE, wide.send(ByteBuffer.allocate(101), 0));
        assertEquals(SendStatus.TOO_LARGE, narrow.send(ByteBuffer.allocate(51), Sender.FOREVER));
        assertEquals(ReceiveStatus.EMPTY, receiver.receive(ByteBuffer.allocate(100), 0));
        assertEquals(SendStatus.OK, wide.send(ByteBuffer.allocate(100), 0));
    }

    @Test
    void syncSendWaitsForCollectionThenOk() throws Exception {
        Receiver receiver = receiver(spec(Role.RECEIVER, Mode.SYNC));
        Sender sender = sender(spec(Role.SENDER, Mode.SYNC));
        Future<SendStatus> send = threads.submit(() -> sender.send(ChannelPeer.payload(1, 1, 64), 10_000 * MS));
        Thread.sleep(300);
        assertFalse(send.isDone(), "a sync send stays blocked while nobody receives");
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
        assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 5_000 * MS));
        assertEquals(SendStatus.OK, send.get(5, TimeUnit.SECONDS));
    }

    @Test
    void syncSendTimesOutAndTheMessageStays() {
        Receiver receiver = receiver(spec(Role.RECEIVER, Mode.ASYNC));
        Sender sender = sender(spec(Role.SENDER, Mode.SYNC));
        long start = System.nanoTime();
        assertEquals(SendStatus.TIMEOUT, sender.send(ChannelPeer.payload(1, 1, 64), 200 * MS));
        assertTrue(System.nanoTime() - start >= 200 * MS, "never early");
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
        assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 0));
        assertEquals(1, into.getLong(0));
    }

    @Test
    void syncSendIntoFullChannelWaitsForRoomWithinItsTimeout() throws Exception {
        Receiver receiver = receiver(spec(Role.RECEIVER, Mode.ASYNC).withCapacity(1));
        Sender sender = sender(spec(Role.SENDER, Mode.SYNC));
        assertEquals(SendStatus.TIMEOUT, sender.send(ChannelPeer.payload(1, 1, 64), 50 * MS));
        assertEquals(SendStatus.TIMEOUT, sender.send(ChannelPeer.payload(2, 1, 64), 100 * MS), "no room: not written");
        Future<SendStatus> send = threads.submit(() -> sender.send(ChannelPeer.payload(3, 1, 64), 10_000 * MS));
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
        assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 0));
        assertEquals(1, into.getLong(0));
        while (receiver.receive(into, 0) != ReceiveStatus.MESSAGE) {
            Thread.onSpinWait();
        }
        assertEquals(3, into.getLong(0), "message 2 was never written");
        assertEquals(SendStatus.OK, send.get(5, TimeUnit.SECONDS));
    }

    @Test
    void syncReceiveTimesOutNeverEarly() {
        Receiver receiver = receiver(spec(Role.RECEIVER, Mode.SYNC));
        long start = System.nanoTime();
        assertEquals(ReceiveStatus.TIMEOUT, receiver.receive(ByteBuffer.allocate(receiver.maxMessageBytes()), 200 * MS));
        assertTrue(System.nanoTime() - start >= 200 * MS);
    }

    @Test
    void receiverCloseEndsBlockedSyncSendClosedAndRemovesFile() throws Exception {
        Receiver receiver = receiver(spec(Role.RECEIVER, Mode.SYNC));
        Sender sender = sender(spec(Role.SENDER, Mode.SYNC));
        Future<SendStatus> send = threads.submit(() -> sender.send(ChannelPeer.payload(1, 1, 64), Sender.FOREVER));
        Thread.sleep(100);
        receiver.close();
        assertEquals(SendStatus.CLOSED, send.get(5, TimeUnit.SECONDS));
        assertEquals(SendStatus.CLOSED, sender.send(ChannelPeer.payload(2, 1, 64), 0));
        assertFalse(Files.exists(address()));
        assertEquals(ReceiveStatus.CLOSED, receiver.receive(ByteBuffer.allocate(receiver.maxMessageBytes()), 0));
    }

    @Test
    void manyMessagesFromTwoSenderThreadsArriveInOrderExactlyOnce() throws Exception {
        int perSender = 50_000;
        Receiver receiver = receiver(spec(Role.RECEIVER, Mode.ASYNC).withCapacity(256).withMaxMessageBytes(64));
        List<Future<?>> sends = new ArrayList<>();
        for (int id = 1; id <= 2; id++) {
            Sender sender = sender(spec(Role.SENDER, Mode.ASYNC).withSenderId(id));
            int senderId = id;
            sends.add(threads.submit(() -> {
                for (long seq = 1; seq <= perSender; seq++) {
                    ByteBuffer message = ChannelPeer.payload(seq, senderId, 16 + (int) (seq % 48));
                    while (sender.send(message, 0) == SendStatus.FULL) {
                        Thread.yield();
                    }
                }
                return null;
            }));
        }
        long[] last = new long[3];
        ByteBuffer into = ByteBuffer.allocate(64);
        for (int received = 0; received < 2 * perSender; ) {
            if (receiver.receive(into, 0) != ReceiveStatus.MESSAGE) {
                Thread.yield();
                continue;
            }
            long seq = into.getLong(0);
            int id = into.getInt(8);
            assertEquals(last[id] + 1, seq, "sender " + id);
            assertEquals(16 + seq % 48, into.remaining());
            assertTrue(ChannelPeer.intact(into, seq));
            last[id] = seq;
            received++;
        }
        for (Future<?> send : sends) {
            send.get(10, TimeUnit.SECONDS);
        }
        assertEquals(ReceiveStatus.EMPTY, receiver.receive(into, 0));
    }

    @Test
    void secondReceiverIsBusyAndFilesAreOwnerOnly() throws Exception {
        receiver(spec(Role.RECEIVER, Mode.ASYNC));
        Opened<Receiver> second = Channels.openReceiver(spec(Role.RECEIVER, Mode.ASYNC));
        assertEquals(OpenStatus.BUSY, second.status());
        assertEquals(OwnerOnly.FILE, Files.getPosixFilePermissions(address(), LinkOption.NOFOLLOW_LINKS));
        assertEquals(OwnerOnly.FILE, Files.getPosixFilePermissions(ShmChannelFile.lockFileOf(address()), LinkOption.NOFOLLOW_LINKS));
        try (var listing = Files.list(dir)) {
            assertEquals(2, listing.count(), "no temporary file left behind");
        }
    }

    @Test
    void corruptRecordIsReportedOnceAndTheReceiverReadsOn() throws Exception {
        Receiver receiver = receiver(spec(Role.RECEIVER, Mode.ASYNC));
        Sender sender = sender(spec(Role.SENDER, Mode.ASYNC));
        assertEquals(SendStatus.OK, sender.send(ChannelPeer.payload(1, 1, 64), 0));
        // Another process scribbles over the record's Type in the shared file.
        ShmChannelFile.map(address()).putInt(ShmFileDescriptor.HEADER_LENGTH + RecordDescriptor.TYPE_OFFSET, 7);
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());

        ChannelException e = assertThrows(ChannelException.class, () -> receiver.receive(into, 0));
        assertTrue(e.getMessage().startsWith("corrupt shm record at ring offset 0 (position 0): length=80 type=7"),
                e.getMessage());
        assertEquals(ReceiveStatus.EMPTY, receiver.receive(into, 0), "reported once, not on every receive");
        assertEquals(SendStatus.OK, sender.send(ChannelPeer.payload(2, 1, 64), 0));
        assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 0));
        assertEquals(2, into.getLong(0));
    }

    @Test
    void senderWithOtherContentTypeIsRefused() {
        receiver(spec(Role.RECEIVER, Mode.ASYNC).withContentType("application/json"));
        Opened<Sender> opened = Channels.openSender(spec(Role.SENDER, Mode.ASYNC).withContentType("text/plain"));
        assertEquals(OpenStatus.FORMAT_MISMATCH, opened.status());
        assertTrue(opened.message().contains("application/json"), opened.message());
    }

    @Test
    void senderFindingAnIncompatibleFileIsRefusedWithIoNamingTheProblem() throws Exception {
        ShmChannelFile.create(address(), 4, 64, "application/octet-stream")
                .putInt(ShmFileDescriptor.VERSION_OFFSET, 2);
        Opened<Sender> otherVersion = Channels.openSender(spec(Role.SENDER, Mode.ASYNC));
        assertEquals(OpenStatus.IO, otherVersion.status());
        assertEquals("version not compatible: app=1 file=2", otherVersion.message());

        Files.delete(address());
        Files.write(address(), new byte[100]);
        Opened<Sender> tooShort = Channels.openSender(spec(Role.SENDER, Mode.ASYNC));
        assertEquals(OpenStatus.IO, tooShort.status());
        assertTrue(tooShort.message().startsWith("not an shm channel file"), tooShort.message());

        Files.delete(address());
        Files.createDirectory(address());
        Opened<Sender> directory = Channels.openSender(spec(Role.SENDER, Mode.ASYNC));
        assertEquals(OpenStatus.IO, directory.status());
        assertTrue(directory.message().startsWith("not a regular file"), directory.message());
    }

    @Test
    void senderWithoutReceiverIsNotFoundAfterItsOpenTimeout() {
        long start = System.nanoTime();
        Opened<Sender> opened = Channels.openSender(spec(Role.SENDER, Mode.ASYNC).withOpenTimeout(Duration.ofMillis(300)));
        assertEquals(OpenStatus.NOT_FOUND, opened.status());
        assertTrue(System.nanoTime() - start >= 300 * MS);
    }

    @Test
    void senderWaitsForReceiverToAppear() throws Exception {
        Future<Opened<Sender>> opening = threads.submit(() -> Channels.openSender(spec(Role.SENDER, Mode.ASYNC)));
        Thread.sleep(200);
        receiver(spec(Role.RECEIVER, Mode.ASYNC));
        Opened<Sender> opened = opening.get(10, TimeUnit.SECONDS);
        assertEquals(OpenStatus.OK, opened.status());
        ends.add(0, opened.end());
    }

    @Test
    void symbolicLinkAtAddressIsRefused() throws Exception {
        Path target = dir.resolve("elsewhere");
        Files.createFile(target);
        Files.createSymbolicLink(address(), target);
        Opened<Receiver> receiver = Channels.openReceiver(spec(Role.RECEIVER, Mode.ASYNC));
        assertEquals(OpenStatus.IO, receiver.status());
        assertTrue(receiver.message().contains("symbolic link"), receiver.message());
        Opened<Sender> sender = Channels.openSender(spec(Role.SENDER, Mode.ASYNC));
        assertEquals(OpenStatus.IO, sender.status());
        assertEquals(0, Files.size(target), "nothing written through the link");
    }

    private Path address() {
        return dir.resolve("c");
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {64, 2000}) // copied through heap buffers, and written and read in place
    void aRunStopsAtCapacityIsCollectedInOrderAndGoesOnOnceCollected(int size) {
        Receiver receiver = receiver(spec(Role.RECEIVER, Mode.SYNC).withCapacity(10).withMaxMessageBytes(4096));
        Sender sender = sender(spec(Role.SENDER, Mode.ASYNC).withMaxMessageBytes(4096));
        assertEquals(10, sender.sendRun(ChannelPeer.run(1, 1, size), size, 15), "capacity 10");
        assertEquals(SendStatus.FULL, sender.sendMore(ChannelPeer.payload(11, 1, size), 0), "a sendMore tells why the run stopped");
        assertEquals(0, sender.sendRun(ChannelPeer.run(11, 1, size), size, 5));

        List<Long> seqs = new ArrayList<>();
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
        assertEquals(4, receiver.receiveReady(into, ChannelPeer.collectingSeqs(seqs, size), 4), "at most max");
        assertEquals(6, receiver.receiveReady(into, ChannelPeer.collectingSeqs(seqs, size), 64));
        assertEquals(0, receiver.receiveReady(into, ChannelPeer.collectingSeqs(seqs, size), 64), "nothing there: no wait");
        assertEquals(LongStream.rangeClosed(1, 10).boxed().toList(), seqs);

        assertEquals(5, sender.sendRun(ChannelPeer.run(11, 1, size), size, 5), "room again once collected");
        assertEquals(5, receiver.receiveReady(into, ChannelPeer.collectingSeqs(seqs, size), 64));
        assertEquals(15, seqs.get(14));
    }

    @Test
    void aSynchronousEndHasNoRuns() {
        Receiver receiver = receiver(spec(Role.RECEIVER, Mode.ASYNC));
        Sender sync = sender(spec(Role.SENDER, Mode.SYNC));
        assertEquals(0, sync.sendRun(ChannelPeer.run(1, 1, 64), 64, 3), "each synchronous send waits for its collection");
        assertEquals(0, receiver.receiveReady(ByteBuffer.allocate(receiver.maxMessageBytes()), message -> fail("nothing sent"), 8));
    }

    private ChannelSpec spec(Role role, Mode mode) {
        return ChannelSpec.of("shm", address(), role, mode).withMaxMessageBytes(1024)
                .withOpenTimeout(Duration.ofSeconds(5));
    }

    private Receiver receiver(ChannelSpec spec) {
        Opened<Receiver> opened = Channels.openReceiver(spec);
        assertEquals(OpenStatus.OK, opened.status(), opened.message());
        ends.add(opened.end());
        return opened.end();
    }

    private Sender sender(ChannelSpec spec) {
        Opened<Sender> opened = Channels.openSender(spec);
        assertEquals(OpenStatus.OK, opened.status(), opened.message());
        ends.add(0, opened.end());
        return opened.end();
    }
}
