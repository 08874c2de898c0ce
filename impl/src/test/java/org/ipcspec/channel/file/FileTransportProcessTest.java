package org.ipcspec.channel.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
import org.ipcspec.channel.support.Backoff;
import org.ipcspec.channel.support.Deadline;
import org.ipcspec.channel.testing.ChannelPeer;
import org.ipcspec.channel.testing.Peer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The file transport with its two ends in different processes: one end in this JVM, the other (or
 * both) in forked {@link Peer}s. Bounds are generous; assertions rest on causal order.
 */
@Timeout(30)
class FileTransportProcessTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @TempDir
    Path parent;

    private Path address() {
        return parent.resolve("c");
    }

    private Receiver openReceiver(Mode mode, int capacity) {
        Opened<Receiver> opened = Channels.openReceiver(
                ChannelSpec.of("file", address(), Role.RECEIVER, mode).withCapacity(capacity));
        assertEquals(OpenStatus.OK, opened.status(), opened.message());
        return opened.end();
    }

    private Peer sender(String mode, int capacity, int senderId) throws Exception {
        Peer peer = Peer.start("file", address(), "sender", mode, capacity, senderId);
        assertEquals("open ok", peer.opened());
        return peer;
    }

    /** A receive in the receiver's own mode that gets a message within {@code timeoutMs} (async: polls). */
    private static long receiveSeq(Receiver receiver, ByteBuffer into, long timeoutMs) {
        Deadline deadline = Deadline.after(timeoutMs * MS);
        Backoff backoff = new Backoff();
        while (true) {
            ReceiveStatus status = receiver.receive(into, deadline.remainingNanos());
            if (status == ReceiveStatus.MESSAGE) {
                assertTrue(ChannelPeer.intact(into, into.getLong(0)), "not intact: seq=" + into.getLong(0));
                return into.getLong(0);
            }
            assertTrue(status == ReceiveStatus.EMPTY || status == ReceiveStatus.TIMEOUT, "status=" + status);
            assertFalse(deadline.expired(), "no message within " + timeoutMs + " ms");
            backoff.idle();
        }
    }

    @ParameterizedTest(name = "{0} send, {1} receive")
    @CsvSource({"sync, sync", "sync, async", "async, sync", "async, async"})
    void messageTravelsInEachModeCombination(String sendMode, String receiveMode) throws Exception {
        try (Receiver receiver = openReceiver(Mode.valueOf(receiveMode.toUpperCase()), 64);
             Peer sender = sender(sendMode, 64, 7)) {
            ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
            for (long seq = 1; seq <= 2; seq++) {
                sender.ask("send " + seq + " 64 10000");
                if (sendMode.equals("async")) {
                    assertEquals("sent ok", Peer.await(sender, 10_000));
                }
                assertEquals(seq, receiveSeq(receiver, into, 10_000));
                assertEquals(7, into.getInt(8));
                assertEquals(64, into.remaining());
                if (sendMode.equals("sync")) {
                    assertEquals("sent ok", Peer.await(sender, 10_000));
                }
            }
            ReceiveStatus nothing = receiver.receive(into, 100 * MS);
            assertEquals(receiveMode.equals("sync") ? ReceiveStatus.TIMEOUT : ReceiveStatus.EMPTY, nothing);
        }
    }

    @Test
    void syncSendStaysBlockedUntilTheReceiverCollects() throws Exception {
        try (Receiver receiver = openReceiver(Mode.ASYNC, 64); Peer sender = sender("sync", 64, 1)) {
            sender.ask("send 1 64 20000");
            Thread.sleep(500); // a blocked call shows only by not returning
            assertFalse(sender.answered(), "sync send returned before any receive");
            assertEquals(1, receiveSeq(receiver, ByteBuffer.allocate(receiver.maxMessageBytes()), 10_000));
            assertEquals("sent ok", Peer.await(sender, 10_000));
        }
    }

    /**
     * Two sender processes, 5,000 messages each, collected while they send: 10,000 in all (20,000
     * took 5 to 15 s on the loaded 2-core machine, too close to the per-test budget).
     */
    @Test
    void manyMessagesFromTwoSendersArriveInOrderIntactExactlyOnce() throws Exception {
        int perSender = 5_000;
        try (Receiver receiver = openReceiver(Mode.ASYNC, perSender);
             Peer one = sender("async", perSender, 1);
             Peer two = sender("async", perSender, 2)) {
            one.ask("sendn 1 " + perSender + " 64");
            two.ask("sendn 1 " + perSender + " 64");
            Map<Integer, Long> last = new HashMap<>(Map.of(1, 0L, 2, 0L));
            ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
            for (int received = 0; received < 2 * perSender; received++) {
                long seq = receiveSeq(receiver, into, 20_000);
                int senderId = into.getInt(8);
                assertEquals(last.get(senderId) + 1, seq, "sender_id=" + senderId);
                last.put(senderId, seq);
            }
            assertEquals("sentn " + perSender + " 0 ok", Peer.await(one, 10_000));
            assertEquals("sentn " + perSender + " 0 ok", Peer.await(two, 10_000));
            assertEquals(ReceiveStatus.EMPTY, receiver.receive(into, 0));
        }
    }

    @Test
    void asyncSendIsFullAtCapacityThenOkAfterOneReceive() throws Exception {
        try (Receiver receiver = openReceiver(Mode.ASYNC, 4); Peer sender = sender("async", 4, 1)) {
            assertEquals("sentn 4 1 full", sender.call("sendn 1 5 64"));
            ByteBuffer into = ByteBuffer.allocate(receiver.maxMessageBytes());
            assertEquals(1, receiveSeq(receiver, into, 5_000));
            assertEquals("sent ok", sender.call("send 6 64 0"));
            assertEquals("sent full", sender.call("send 7 64 0"));
            for (long seq : new long[] {2, 3, 4, 6}) {
                assertEquals(seq, receiveSeq(receiver, into, 5_000));
            }
            assertEquals(ReceiveStatus.EMPTY, receiver.receive(into, 0));
        }
    }

    @Test
    void secondReceiverIsBusyWhileAnotherProcessOwnsTheChannel() throws Exception {
        try (Peer owner = Peer.start("file", address(), "receiver", "async", 64, 0)) {
            assertEquals("open ok", owner.opened());
            Opened<Receiver> second = Channels.openReceiver(ChannelSpec.of("file", address(), Role.RECEIVER, Mode.ASYNC));
            assertEquals(OpenStatus.BUSY, second.status());
            assertEquals("closed", owner.call("close"));
            openReceiver(Mode.ASYNC, 64).close();
        }
    }

    @Test
    void killingTheReceiverUnblocksASyncSenderWithClosed() throws Exception {
        try (Peer receiver = Peer.start("file", address(), "receiver", "async", 64, 0)) {
            assertEquals("open ok", receiver.opened());
            Opened<Sender> opened = Channels.openSender(ChannelSpec.of("file", address(), Role.SENDER, Mode.SYNC));
            assertEquals(OpenStatus.OK, opened.status(), opened.message());
            try (Sender sender = opened.end()) {
                CompletableFuture<SendStatus> send = CompletableFuture.supplyAsync(
                        () -> sender.send(ChannelPeer.payload(1, 1, 64), Sender.FOREVER));
                Thread.sleep(300);
                assertFalse(send.isDone(), "sync send returned while nobody received");
                receiver.kill();
                long killed = System.nanoTime();
                assertEquals(SendStatus.CLOSED, send.get(10, TimeUnit.SECONDS));
                long delay = System.nanoTime() - killed;
                assertTrue(delay < 5_000 * MS, "CLOSED only after ms=" + delay / MS);
                assertEquals(SendStatus.CLOSED, sender.send(ChannelPeer.payload(2, 1, 64), 100 * MS));
            }
        }
        // The message is still in the channel (D1): the next receiver collects it.
        try (Receiver next = openReceiver(Mode.ASYNC, 64)) {
            ByteBuffer into = ByteBuffer.allocate(next.maxMessageBytes());
            assertEquals(1, receiveSeq(next, into, 5_000));
            assertEquals(ReceiveStatus.EMPTY, next.receive(into, 0));
        }
    }

    /**
     * Both processes SIGKILLed, the sender in the middle of a batch: the next receiver collects what
     * the first one did not, so that together they saw 1..k once each, in order, intact, k at least
     * every message whose send was reported OK.
     */
    @Test
    void afterKillingBothProcessesANewReceiverCollectsEverySentMessage() throws Exception {
        int capacity = 1_000_000;
        List<Long> collected = new ArrayList<>();
        try (Peer receiver = Peer.start("file", address(), "receiver", "async", capacity, 0);
             Peer sender = awaitOpen(receiver)) {
            assertEquals("sentn 300 0 ok", sender.call("sendn 1 300 64"));
            for (int i = 0; i < 5; i++) {
                String[] got = receiver.call("recv 0").split(" ");
                assertEquals("message", got[1]);
                assertEquals("true", got[5]);
                collected.add(Long.parseLong(got[2]));
            }
            sender.ask("sendn 301 1000000 64"); // killed long before it ends
            Thread.sleep(400);
            sender.kill();
            receiver.kill();
        }
        try (Receiver next = openReceiver(Mode.ASYNC, capacity)) {
            ByteBuffer into = ByteBuffer.allocate(next.maxMessageBytes());
            while (next.receive(into, 0) == ReceiveStatus.MESSAGE) {
                assertTrue(ChannelPeer.intact(into, into.getLong(0)), "not intact: seq=" + into.getLong(0));
                collected.add(into.getLong(0));
            }
        }
        assertTrue(collected.size() >= 300, "lost messages that were sent OK: collected=" + collected.size());
        for (int i = 0; i < collected.size(); i++) {
            assertEquals(i + 1, collected.get(i), "gap, duplicate or disorder at index " + i);
        }
    }

    private Peer awaitOpen(Peer receiver) throws Exception {
        assertEquals("open ok", receiver.opened());
        return sender("async", 1_000_000, 1);
    }
}
