package org.ipcspec.channel.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
import org.ipcspec.channel.testing.ChannelPeer;
import org.ipcspec.channel.testing.Peer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One end in this JVM, the other in a forked {@link Peer}: the two processes share only the
 * mapped file and the lock file, as in real use. Waits rest on causal order and generous bounds.
 */
@Timeout(30)
class ShmCrossProcessTest {

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

    @ParameterizedTest(name = "{0} send, {1} receive")
    @CsvSource({"sync,sync", "sync,async", "async,sync", "async,async"})
    void sendAndReceiveAcrossProcesses(String sendMode, String receiveMode) throws Exception {
        Receiver receiver = receiver(Mode.valueOf(receiveMode.toUpperCase()), 4, 256);
        ByteBuffer into = ByteBuffer.allocate(256);
        try (Peer sender = Peer.start("shm", address(), "sender", sendMode, 4, 7)) {
            assertEquals("open ok", sender.opened());
            if (sendMode.equals("sync")) {
                sender.ask("send 1 64 20000");
                Thread.sleep(300);
                assertFalse(sender.answered(), "a sync send stays blocked while nobody receives");
                assertMessage(receive(receiver, into, 10_000), into, 1, 7, 64);
                assertEquals("sent ok", Peer.await(sender, 10_000));

                assertEquals("sent timeout", sender.call("send 2 64 200"));
                assertMessage(receive(receiver, into, 10_000), into, 2, 7, 64);
            } else {
                assertEquals("sentn 4 0 ok", sender.call("sendn 1 4 64"));
                assertEquals("sentn 0 2 full", sender.call("sendn 5 2 64"), "capacity 4 reached, nothing written");
                for (int seq = 1; seq <= 4; seq++) {
                    assertMessage(receive(receiver, into, 10_000), into, seq, 7, 64);
                }
            }
            assertEquals("sent too_large", sender.call("send 9 257 1000"));
            ReceiveStatus nothing = receive(receiver, into, 100);
            assertEquals(receiver.mode() == Mode.SYNC ? ReceiveStatus.TIMEOUT : ReceiveStatus.EMPTY, nothing);
        }
    }

    @Test
    void hundredThousandMessagesArriveInOrderIntactExactlyOnce() throws Exception {
        int count = 100_000;
        Receiver receiver = receiver(Mode.ASYNC, count, 64);
        ByteBuffer into = ByteBuffer.allocate(64);
        try (Peer sender = Peer.start("shm", address(), "sender", "async", count, 3, "64")) {
            assertEquals("open ok", sender.opened());
            sender.ask("sendn 1 " + count + " 40");
            long expected = 1;
            long deadline = System.nanoTime() + 20_000 * MS;
            while (expected <= count && System.nanoTime() < deadline) {
                if (receiver.receive(into, 0) == ReceiveStatus.MESSAGE) {
                    assertMessage(ReceiveStatus.MESSAGE, into, expected, 3, 40);
                    expected++;
                } else {
                    Thread.yield();
                }
            }
            assertEquals(count + 1, expected, "all messages received");
            assertEquals("sentn " + count + " 0 ok", Peer.await(sender, 10_000));
            assertEquals(ReceiveStatus.EMPTY, receiver.receive(into, 0), "no duplicates");
        }
    }

    @Test
    void secondReceiverIsBusyAndOtherContentTypeIsRefused() throws Exception {
        try (Peer owner = Peer.start("shm", address(), "receiver", "async", 4, 0, "1024", "application/json")) {
            assertEquals("open ok", owner.opened());
            assertEquals(OpenStatus.BUSY, Channels.openReceiver(spec(Role.RECEIVER, Mode.ASYNC)).status());
            Opened<Sender> plain = Channels.openSender(spec(Role.SENDER, Mode.ASYNC).withContentType("text/plain"));
            assertEquals(OpenStatus.FORMAT_MISMATCH, plain.status());
            Opened<Sender> json = Channels.openSender(spec(Role.SENDER, Mode.ASYNC).withContentType("application/json"));
            assertEquals(OpenStatus.OK, json.status());
            ends.add(json.end());
        }
    }

    @Test
    void killedReceiverEndsBlockedSyncSendClosedAndIsTakenOver() throws Exception {
        Sender sender;
        Future<SendStatus> send;
        try (Peer owner = Peer.start("shm", address(), "receiver", "sync", 4, 0)) {
            assertEquals("open ok", owner.opened());
            sender = sender(Mode.SYNC);
            send = threads.submit(() -> sender.send(ChannelPeer.payload(1, 1, 64), Sender.FOREVER));
            Thread.sleep(300);
            assertFalse(send.isDone());
            owner.kill();
        }
        long killed = System.nanoTime();
        assertEquals(SendStatus.CLOSED, send.get(5, TimeUnit.SECONDS));
        long tookMs = (System.nanoTime() - killed) / MS;
        assertTrue(tookMs < 3_000, "closed within the crash bound: tookMs=" + tookMs);

        // The next receiver takes the leftovers over: a fresh ring; the old file is DEAD for old senders.
        Receiver next = receiver(Mode.ASYNC, 4, 256);
        assertEquals(SendStatus.CLOSED, sender.send(ChannelPeer.payload(2, 1, 64), 0));
        Sender fresh = sender(Mode.ASYNC);
        assertEquals(SendStatus.OK, fresh.send(ChannelPeer.payload(3, 1, 64), 0));
        ByteBuffer into = ByteBuffer.allocate(256);
        assertMessage(next.receive(into, 0), into, 3, 1, 64);
        assertEquals(ReceiveStatus.EMPTY, next.receive(into, 0), "nothing of the old ring survives");
    }

    @Test
    void killedSenderLeavesNoTornMessage() throws Exception {
        Receiver receiver = receiver(Mode.ASYNC, 100_000, 64);
        ByteBuffer into = ByteBuffer.allocate(64);
        long lastSeq = 0;
        int received = 0;
        try (Peer sender = Peer.start("shm", address(), "sender", "async", 1, 5, "64")) {
            assertEquals("open ok", sender.opened());
            sender.ask("sendn 1 100000000 48");
            long until = System.nanoTime() + 10_000 * MS;
            while (received < 20_000 && System.nanoTime() < until) {
                if (receiver.receive(into, 0) == ReceiveStatus.MESSAGE) {
                    lastSeq = assertNextFromKilledSender(into, lastSeq);
                    received++;
                }
            }
            assertTrue(received > 0, "the sender was sending");
            sender.kill();
        }
        while (receiver.receive(into, 0) == ReceiveStatus.MESSAGE) {
            lastSeq = assertNextFromKilledSender(into, lastSeq);
        }
        // A new writer takes the dead one's writer lock and slot if it held them; its record is read intact.
        Sender next = sender(Mode.ASYNC);
        assertEquals(SendStatus.OK, next.send(ChannelPeer.payload(1, 9, 33), 0));
        assertMessage(receiver.receive(into, 0), into, 1, 9, 33);
    }

    private static long assertNextFromKilledSender(ByteBuffer into, long lastSeq) {
        long seq = into.getLong(0);
        assertTrue(seq > lastSeq, "in order: seq=" + seq + " last=" + lastSeq);
        assertEquals(48, into.remaining());
        assertEquals(5, into.getInt(8));
        assertTrue(ChannelPeer.intact(into, seq), "intact: seq=" + seq);
        return seq;
    }

    private static void assertMessage(ReceiveStatus status, ByteBuffer into, long seq, int senderId, int size) {
        assertEquals(ReceiveStatus.MESSAGE, status);
        assertEquals(seq, into.getLong(0));
        assertEquals(senderId, into.getInt(8));
        assertEquals(size, into.remaining());
        assertTrue(ChannelPeer.intact(into, seq), "intact: seq=" + seq);
    }

    /** A receive in the receiver's own mode; async polls until something comes or the time is up. */
    private static ReceiveStatus receive(Receiver receiver, ByteBuffer into, long timeoutMs) throws InterruptedException {
        if (receiver.mode() == Mode.SYNC) {
            return receiver.receive(into, timeoutMs * MS);
        }
        long deadline = System.nanoTime() + timeoutMs * MS;
        ReceiveStatus status;
        while ((status = receiver.receive(into, 0)) == ReceiveStatus.EMPTY && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return status;
    }

    private Path address() {
        return dir.resolve("c");
    }

    private ChannelSpec spec(Role role, Mode mode) {
        return ChannelSpec.of("shm", address(), role, mode);
    }

    private Receiver receiver(Mode mode, int capacity, int maxMessageBytes) {
        Opened<Receiver> opened = Channels.openReceiver(spec(Role.RECEIVER, mode).withCapacity(capacity)
                .withMaxMessageBytes(maxMessageBytes));
        assertEquals(OpenStatus.OK, opened.status(), opened.message());
        ends.add(opened.end());
        return opened.end();
    }

    private Sender sender(Mode mode) {
        Opened<Sender> opened = Channels.openSender(spec(Role.SENDER, mode));
        assertEquals(OpenStatus.OK, opened.status(), opened.message());
        ends.add(0, opened.end());
        return opened.end();
    }
}
