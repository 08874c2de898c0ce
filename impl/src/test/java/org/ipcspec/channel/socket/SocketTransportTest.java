package org.ipcspec.channel.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.concurrent.atomic.AtomicLong;

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
import org.ipcspec.channel.support.Backoff;
import org.ipcspec.channel.testing.ChannelPeer;
import org.ipcspec.channel.testing.Peer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The socket transport's behaviour, with the other end in a forked {@link Peer} process wherever
 * a process boundary matters (blocking, crashes, ownership), and in-process for volume. Waits
 * rest on causal order and generous bounds, never on tight timing.
 */
class SocketTransportTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @TempDir
    Path dir;
    private Path address;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void address() {
        address = dir.resolve("ch");
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    // ---- the four send/receive combinations, across processes ----

    @ParameterizedTest(name = "{0} send, {1} receive")
    @CsvSource({"sync,sync", "sync,async", "async,sync", "async,async"})
    void deliversAcrossProcessesInEveryCombination(String sendMode, String receiveMode) throws Exception {
        Receiver receiver = receiver(ChannelSpec.DEFAULT_CAPACITY, Mode.valueOf(receiveMode.toUpperCase()));
        Peer sender = peer("sender", sendMode, ChannelSpec.DEFAULT_CAPACITY, 7);
        sender.ask("send 1 64 10000");
        if (sendMode.equals("async")) {
            assertEquals("sent ok", Peer.await(sender, 10_000));
        }
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
        assertEquals(ReceiveStatus.MESSAGE, receiveWithin(receiver, into, 10 * SECOND));
        assertMessage(into, 1, 7, 64);
        if (sendMode.equals("sync")) {
            assertEquals("sent ok", Peer.await(sender, 10_000));
        }
        ReceiveStatus nothingMore = receiver.receive(into, 50_000_000L);
        assertEquals(receiver.mode() == Mode.SYNC ? ReceiveStatus.TIMEOUT : ReceiveStatus.EMPTY, nothingMore);
    }

    @Test
    void syncSendStaysBlockedUntilAReceiveCollectsIt() throws Exception {
        Receiver receiver = receiver(ChannelSpec.DEFAULT_CAPACITY, Mode.SYNC);
        Peer sender = peer("sender", "sync", ChannelSpec.DEFAULT_CAPACITY, 1);
        sender.ask("send 5 64 20000");
        Thread.sleep(500); // the receiver is idle: nothing may release the sender
        assertFalse(sender.answered(), "sync send returned before any receive began");
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
        assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 10 * SECOND));
        assertMessage(into, 5, 1, 64);
        assertEquals("sent ok", Peer.await(sender, 10_000));
    }

    @Test
    void syncReceiveWaitsForASenderThatArrivesLater() throws Exception {
        Receiver receiver = receiver(4, Mode.SYNC);
        CompletableFuture<ReceiveStatus> received = new CompletableFuture<>();
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
        Thread t = new Thread(() -> received.complete(receiver.receive(into, 20 * SECOND)));
        t.start();
        Peer sender = peer("sender", "async", 4, 3);
        assertEquals("sent ok", sender.call("send 9 100 0"));
        assertEquals(ReceiveStatus.MESSAGE, received.get(10, TimeUnit.SECONDS));
        assertMessage(into, 9, 3, 100);
    }

    // ---- volume, order, exactly once ----

    @Test
    void hundredThousandMessagesArriveInOrderIntactExactlyOnce() throws Exception {
        int count = 100_000;
        Receiver receiver = receiver(64, Mode.SYNC);
        Sender sender = sender(Mode.ASYNC, 2);
        AtomicLong fullRetries = new AtomicLong();
        CompletableFuture<SendStatus> sending = CompletableFuture.supplyAsync(() -> {
            Backoff backoff = new Backoff();
            for (long seq = 0; seq < count; seq++) {
                ByteBuffer message = ChannelPeer.payload(seq, 2, 24 + (int) (seq % 200));
                SendStatus status;
                while ((status = sender.send(message, 0)) == SendStatus.FULL) {
                    fullRetries.incrementAndGet();
                    backoff.idle();
                }
                backoff.reset();
                if (status != SendStatus.OK) {
                    return status;
                }
            }
            return SendStatus.OK;
        });
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
        for (long seq = 0; seq < count; seq++) {
            assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 10 * SECOND), "waiting for seq=" + seq);
            assertMessage(into, seq, 2, 24 + (int) (seq % 200));
        }
        assertEquals(SendStatus.OK, sending.get(10, TimeUnit.SECONDS));
        assertEquals(ReceiveStatus.TIMEOUT, receiver.receive(into, 50_000_000L), "a message was delivered twice");
    }

    @Test
    void everyAcceptedMessageFromAnotherProcessArrivesOnceInOrder() throws Exception {
        int count = 50_000;
        Receiver receiver = receiver(count, Mode.SYNC);
        Peer sender = peer("sender", "async", count, 4);
        sender.ask("sendn 1 " + count + " 64");
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
        List<Long> seqs = new ArrayList<>();
        long giveUp = System.nanoTime() + 30 * SECOND;
        // Until the sender has answered and a receive then finds nothing more (or all arrived).
        while (seqs.size() < count && System.nanoTime() - giveUp < 0) {
            boolean senderDone = sender.answered();
            if (receiver.receive(into, 200_000_000L) == ReceiveStatus.MESSAGE) {
                assertTrue(ChannelPeer.intact(into, into.getLong(0)), "torn message seq=" + into.getLong(0));
                assertEquals(4, into.getInt(8));
                seqs.add(into.getLong(0));
            } else if (senderDone) {
                break;
            }
        }
        String[] answer = Peer.await(sender, 10_000).split(" ");
        int ok = Integer.parseInt(answer[1]);
        assertEquals(count, ok + Integer.parseInt(answer[2]), String.join(" ", answer));
        assertEquals(ok, seqs.size(), "every send that returned ok is collected, and nothing else");
        for (int i = 1; i < seqs.size(); i++) {
            assertTrue(seqs.get(i) > seqs.get(i - 1), "out of order at " + i + ": " + seqs.get(i - 1) + " then " + seqs.get(i));
        }
    }

    @Test
    void severalSendersAreEachFifo() throws Exception {
        Receiver receiver = receiver(1000, Mode.SYNC);
        List<Peer> senders = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            senders.add(peer("sender", "async", 1000, id));
        }
        for (Peer p : senders) {
            p.ask("sendn 1 300 64");
        }
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
        Map<Integer, Long> last = new HashMap<>();
        for (int i = 0; i < 900; i++) {
            assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 10 * SECOND), "after " + i);
            int id = into.getInt(8);
            long seq = into.getLong(0);
            assertTrue(ChannelPeer.intact(into, seq));
            assertEquals(last.getOrDefault(id, 0L) + 1, seq, "sender " + id + " out of order");
            last.put(id, seq);
        }
        for (Peer p : senders) {
            assertEquals("sentn 300 0 ok", Peer.await(p, 10_000));
        }
        assertEquals(Map.of(1, 300L, 2, 300L, 3, 300L), last);
    }

    // ---- capacity, timeouts, limits ----

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {1, 7, 1000})
    void fullAtCapacityThenOkAfterOneReceiveAndNothingLost(int capacity) throws Exception {
        Receiver receiver = receiver(capacity, Mode.ASYNC);
        Sender sender = sender(Mode.ASYNC, 1);
        for (long seq = 1; seq <= capacity; seq++) {
            assertEquals(SendStatus.OK, sender.send(ChannelPeer.payload(seq, 1, 64), 0), "seq=" + seq);
        }
        assertEquals(SendStatus.FULL, sender.send(ChannelPeer.payload(capacity + 1, 1, 64), 0));
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
        assertEquals(ReceiveStatus.MESSAGE, receiveWithin(receiver, into, 10 * SECOND));
        assertMessage(into, 1, 1, 64);
        assertEquals(SendStatus.OK, sender.send(ChannelPeer.payload(capacity + 1, 1, 64), 0));
        assertEquals(SendStatus.FULL, sender.send(ChannelPeer.payload(capacity + 2, 1, 64), 0));
        for (long seq = 2; seq <= capacity + 1; seq++) {
            assertEquals(ReceiveStatus.MESSAGE, receiveWithin(receiver, into, 10 * SECOND));
            assertMessage(into, seq, 1, 64);
        }
        assertEquals(ReceiveStatus.EMPTY, receiver.receive(into, 0));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {64, 2000}) // copied through a heap buffer, and written in place
    void aRunStopsAtCapacityIsCollectedInOrderAndGoesOnOnceAcknowledged(int size) throws Exception {
        Receiver receiver = receiver(10, Mode.ASYNC);
        Sender sender = sender(Mode.ASYNC, 1);
        assertEquals(10, sender.sendRun(ChannelPeer.run(1, 1, size), size, 15), "capacity 10");
        assertEquals(SendStatus.FULL, sender.sendMore(ChannelPeer.payload(11, 1, size), 0), "a sendMore tells why the run stopped");

        List<Long> seqs = new ArrayList<>();
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
        long deadline = System.nanoTime() + 10 * SECOND;
        // A run takes only frames already read; a receive reads the socket (and acknowledges).
        while (seqs.size() < 10 && System.nanoTime() < deadline) {
            if (receiver.receiveReady(into, ChannelPeer.collectingSeqs(seqs, size), 64) == 0
                    && receiver.receive(into, 0) == ReceiveStatus.MESSAGE) {
                assertMessage(into, seqs.size() + 1, 1, size);
                seqs.add((long) seqs.size() + 1);
            }
        }
        assertEquals(LongStream.rangeClosed(1, 10).boxed().toList(), seqs);
        assertEquals(ReceiveStatus.EMPTY, receiver.receive(into, 0), "nothing left: every collection acknowledged");

        int sent = 0;
        while (sent < 5 && System.nanoTime() < deadline) {
            sent += sender.sendRun(ChannelPeer.run(11 + sent, 1, size), size, 5 - sent);
        }
        assertEquals(5, sent, "room again once the acknowledgements came");
        assertEquals(SendStatus.OK, sender.send(ChannelPeer.payload(16, 1, size), 0), "the closing send writes them all");
        while (seqs.size() < 16 && System.nanoTime() < deadline) {
            if (receiver.receiveReady(into, ChannelPeer.collectingSeqs(seqs, size), 64) == 0
                    && receiver.receive(into, 0) == ReceiveStatus.MESSAGE) {
                seqs.add(into.getLong(into.position()));
            }
        }
        assertEquals(LongStream.rangeClosed(1, 16).boxed().toList(), seqs);
    }

    @Test
    void fullAcrossProcesses() throws Exception {
        Receiver receiver = receiver(8, Mode.ASYNC);
        Peer sender = peer("sender", "async", 8, 1);
        assertEquals("sentn 8 0 ok", sender.call("sendn 1 8 64"));
        assertEquals("sent full", sender.call("send 9 64 0"));
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
        assertEquals(ReceiveStatus.MESSAGE, receiveWithin(receiver, into, 10 * SECOND));
        assertMessage(into, 1, 1, 64);
        assertEquals("sent ok", sender.call("send 9 64 0"));
        for (long seq = 2; seq <= 9; seq++) {
            assertEquals(ReceiveStatus.MESSAGE, receiveWithin(receiver, into, 10 * SECOND));
            assertMessage(into, seq, 1, 64);
        }
    }

    @Test
    void syncSendTimesOutAndTheMessageStaysInTheChannel() throws Exception {
        Receiver receiver = receiver(4, Mode.SYNC);
        Sender sender = sender(Mode.SYNC, 1);
        long start = System.nanoTime();
        assertEquals(SendStatus.TIMEOUT, sender.send(ChannelPeer.payload(1, 1, 64), 300_000_000L));
        assertTrue(System.nanoTime() - start >= 300_000_000L, "timed out early");
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
        assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 5 * SECOND));
        assertMessage(into, 1, 1, 64);
        // A later sync send is acknowledged by a count that also covers the timed-out one.
        CompletableFuture<SendStatus> second = CompletableFuture.supplyAsync(
                () -> sender.send(ChannelPeer.payload(2, 1, 64), 10 * SECOND));
        assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 10 * SECOND));
        assertMessage(into, 2, 1, 64);
        assertEquals(SendStatus.OK, second.get(10, TimeUnit.SECONDS));
    }

    @Test
    void syncSendIntoAFullChannelTimesOutWithoutWriting() throws Exception {
        Receiver receiver = receiver(1, Mode.ASYNC);
        Sender sender = sender(Mode.SYNC, 1);
        assertEquals(SendStatus.TIMEOUT, sender.send(ChannelPeer.payload(1, 1, 64), 100_000_000L));
        assertEquals(SendStatus.TIMEOUT, sender.send(ChannelPeer.payload(2, 1, 64), 200_000_000L));
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
        assertEquals(ReceiveStatus.MESSAGE, receiveWithin(receiver, into, 5 * SECOND));
        assertMessage(into, 1, 1, 64);
        assertEquals(ReceiveStatus.EMPTY, receiver.receive(into, 0), "the message that found no room was written");
    }

    @Test
    void syncReceiveTimesOut() {
        Receiver receiver = receiver(4, Mode.SYNC);
        ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
        long start = System.nanoTime();
        assertEquals(ReceiveStatus.TIMEOUT, receiver.receive(into, 200_000_000L));
        assertTrue(System.nanoTime() - start >= 200_000_000L, "timed out early");
    }

    @Test
    void tooLargeWritesNothing() {
        Receiver receiver = open(spec(Role.RECEIVER, Mode.ASYNC).withMaxMessageBytes(100));
        Sender sender = openSender(spec(Role.SENDER, Mode.ASYNC));
        Sender lower = openSender(spec(Role.SENDER, Mode.SYNC).withMaxMessageBytes(50).withSenderId(2));
        assertEquals(100, sender.maxMessageBytes());
        assertEquals(50, lower.maxMessageBytes());
        assertEquals(SendStatus.TOO_LARGE, sender.send(ByteBuffer.allocate(101), 0));
        assertEquals(SendStatus.TOO_LARGE, lower.send(ByteBuffer.allocate(51), SECOND));
        assertEquals(SendStatus.OK, sender.send(ChannelPeer.payload(1, 1, 100), 0));
        ByteBuffer into = ByteBuffer.allocate(100);
        assertEquals(ReceiveStatus.MESSAGE, receiveWithin(receiver, into, 5 * SECOND));
        assertMessage(into, 1, 1, 100);
        assertEquals(ReceiveStatus.EMPTY, receiver.receive(into, 0));
    }

    // ---- open: format, ownership, addresses ----

    @Test
    void differentContentTypeIsAFormatMismatch() {
        receiverOf(spec(Role.RECEIVER, Mode.SYNC).withContentType("application/json"));
        Opened<Sender> opened = Channels.openSender(spec(Role.SENDER, Mode.ASYNC).withContentType("text/plain"));
        assertEquals(OpenStatus.FORMAT_MISMATCH, opened.status(), String.valueOf(opened.message()));
        assertTrue(opened.message().contains("application/json"), opened.message());
        assertEquals(OpenStatus.OK, openSenderStatus(spec(Role.SENDER, Mode.ASYNC).withContentType("application/json")));
    }

    @Test
    void secondReceiverIsBusyInThisProcessAndAnother() throws Exception {
        receiver(4, Mode.SYNC);
        assertEquals(OpenStatus.BUSY, Channels.openReceiver(spec(Role.RECEIVER, Mode.SYNC)).status());
        try (Peer other = Peer.start("socket", address, "receiver", "sync", 4, 1)) {
            assertEquals("open busy", other.opened());
        }
    }

    @Test
    void aDeadReceiversSocketIsTakenOverAndItsSyncSenderGetsClosed() throws Exception {
        Peer receiver = Peer.start("socket", address, "receiver", "sync", 4, 1);
        toClose.add(receiver);
        assertEquals("open ok", receiver.opened());
        Sender sender = sender(Mode.SYNC, 1);
        CompletableFuture<SendStatus> blocked = CompletableFuture.supplyAsync(
                () -> sender.send(ChannelPeer.payload(1, 1, 64), Sender.FOREVER));
        Thread.sleep(200);
        assertFalse(blocked.isDone(), "sync send returned with no receive under way");
        long killed = System.nanoTime();
        receiver.kill(); // SIGKILL: no close, the socket file stays behind
        assertEquals(SendStatus.CLOSED, blocked.get(10, TimeUnit.SECONDS));
        long unblockedAfter = System.nanoTime() - killed;
        assertTrue(unblockedAfter < 3 * SECOND, "sender unblocked only after " + unblockedAfter / 1_000_000 + " ms");
        assertEquals(SendStatus.CLOSED, sender.send(ChannelPeer.payload(2, 1, 64), SECOND));
        assertTrue(Files.exists(address, LinkOption.NOFOLLOW_LINKS), "the dead receiver's socket file should be left");

        Receiver next = receiver(4, Mode.SYNC);
        Sender again = sender(Mode.ASYNC, 1);
        assertEquals(SendStatus.OK, again.send(ChannelPeer.payload(3, 1, 64), 0));
        ByteBuffer into = ByteBuffer.allocate(next.maxMessageBytes());
        assertEquals(ReceiveStatus.MESSAGE, next.receive(into, 5 * SECOND));
        assertMessage(into, 3, 1, 64);
    }

    @Test
    void receiverCloseEndsSendsWithClosedAndUnlinksTheSocket() throws Exception {
        Receiver receiver = receiver(4, Mode.SYNC);
        Sender sync = sender(Mode.SYNC, 1);
        Sender async = sender(Mode.ASYNC, 2);
        CompletableFuture<SendStatus> blocked = CompletableFuture.supplyAsync(
                () -> sync.send(ChannelPeer.payload(1, 1, 64), Sender.FOREVER));
        Thread.sleep(100);
        receiver.close();
        assertEquals(SendStatus.CLOSED, blocked.get(10, TimeUnit.SECONDS));
        assertFalse(Files.exists(address, LinkOption.NOFOLLOW_LINKS), "socket file left after close");
        assertEquals(ReceiveStatus.CLOSED, receiver.receive(ByteBuffer.allocate(receiver.maxMessageBytes()), 0));
        SendStatus status = SendStatus.OK;
        for (int i = 0; i < 5 && status == SendStatus.OK; i++) {
            status = async.send(ChannelPeer.payload(i, 2, 64), 0);
        }
        assertEquals(SendStatus.CLOSED, status);
    }

    @Test
    void senderWaitsForAReceiverThenGivesUpWithNotFound() throws Exception {
        ChannelSpec quick = spec(Role.SENDER, Mode.ASYNC).withOpenTimeout(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertEquals(OpenStatus.NOT_FOUND, openSenderStatus(quick));
        assertTrue(System.nanoTime() - start >= 300_000_000L);

        CompletableFuture<Opened<Sender>> waiting = CompletableFuture.supplyAsync(
                () -> Channels.openSender(spec(Role.SENDER, Mode.ASYNC).withOpenTimeout(Duration.ofSeconds(10))));
        Thread.sleep(200);
        receiver(4, Mode.SYNC);
        Opened<Sender> opened = waiting.get(10, TimeUnit.SECONDS);
        assertEquals(OpenStatus.OK, opened.status(), String.valueOf(opened.message()));
        toClose.add(opened.end());
    }

    @Test
    void socketAndLockFileAreOwnerOnly() throws Exception {
        receiver(4, Mode.SYNC);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(address, LinkOption.NOFOLLOW_LINKS)));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(SocketTransport.lockPath(address), LinkOption.NOFOLLOW_LINKS)));
        assertFalse(Files.exists(dir.resolve("ch.new"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aPlantedSymlinkIsRefused() throws Exception {
        Path target = dir.resolve("elsewhere");
        Files.createSymbolicLink(address, target);
        Opened<Receiver> opened = Channels.openReceiver(spec(Role.RECEIVER, Mode.SYNC));
        assertEquals(OpenStatus.IO, opened.status());
        assertTrue(opened.message().contains("symbolic link"), opened.message());
        assertFalse(Files.exists(target, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isSymbolicLink(address), "the link itself is left alone");
        assertEquals(OpenStatus.IO, openSenderStatus(spec(Role.SENDER, Mode.SYNC)));
    }

    @Test
    void aTooLongAddressIsRefused() {
        address = dir.resolve("x".repeat(101));
        assertEquals(OpenStatus.IO, Channels.openReceiver(spec(Role.RECEIVER, Mode.SYNC)).status());
        assertEquals(OpenStatus.IO, openSenderStatus(spec(Role.SENDER, Mode.SYNC)));
    }

    // ---- helpers ----

    private ChannelSpec spec(Role role, Mode mode) {
        return ChannelSpec.of("socket", address, role, mode);
    }

    private Receiver receiver(int capacity, Mode mode) {
        return receiverOf(spec(Role.RECEIVER, mode).withCapacity(capacity));
    }

    private Receiver receiverOf(ChannelSpec spec) {
        return open(spec);
    }

    private Receiver open(ChannelSpec spec) {
        Opened<Receiver> opened = Channels.openReceiver(spec);
        if (!opened.isOk()) {
            fail("receiver open: status=" + opened.status() + " message=" + opened.message());
        }
        toClose.add(opened.end());
        return opened.end();
    }

    private Sender sender(Mode mode, int senderId) {
        return openSender(spec(Role.SENDER, mode).withSenderId(senderId));
    }

    private Sender openSender(ChannelSpec spec) {
        Opened<Sender> opened = Channels.openSender(spec);
        if (!opened.isOk()) {
            fail("sender open: status=" + opened.status() + " message=" + opened.message());
        }
        toClose.add(opened.end());
        return opened.end();
    }

    private OpenStatus openSenderStatus(ChannelSpec spec) {
        Opened<Sender> opened = Channels.openSender(spec);
        if (opened.isOk()) {
            opened.end().close();
        }
        return opened.status();
    }

    private Peer peer(String role, String mode, int capacity, int senderId) throws Exception {
        Peer peer = Peer.start("socket", address, role, mode, capacity, senderId);
        toClose.add(peer);
        assertEquals("open ok", peer.opened());
        return peer;
    }

    /** A sync receive, or async polls until a message comes or the bound passes. */
    private static ReceiveStatus receiveWithin(Receiver receiver, ByteBuffer into, long boundNanos) {
        return assertTimeoutPreemptively(Duration.ofNanos(boundNanos + SECOND), () -> {
            if (receiver.mode() == Mode.SYNC) {
                return receiver.receive(into, boundNanos);
            }
            Backoff backoff = new Backoff();
            ReceiveStatus status;
            while ((status = receiver.receive(into, 0)) == ReceiveStatus.EMPTY) {
                backoff.idle();
            }
            return status;
        });
    }

    private static void assertMessage(ByteBuffer into, long seq, int senderId, int size) {
        assertEquals(size, into.remaining(), "size");
        assertEquals(seq, into.getLong(into.position()), "seq");
        assertEquals(senderId, into.getInt(into.position() + 8), "sender id");
        assertTrue(ChannelPeer.intact(into, seq), "filler not intact: seq=" + seq);
    }
}
