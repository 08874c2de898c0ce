package org.ipcspec.channel.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.Channels;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.Opened;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.Role;
import org.ipcspec.channel.testing.ChannelPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receiver against a sender built from the wire-format document ({@link RawClient}): the
 * documented handshake, ACK and limits, and the dangerous state of a sender that dies mid-frame.
 */
class SocketWireFormatTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @TempDir
    Path dir;
    private Path address;
    private Receiver receiver;

    @BeforeEach
    void open() {
        address = dir.resolve("ch");
        Opened<Receiver> opened = Channels.openReceiver(
                ChannelSpec.of("socket", address, Role.RECEIVER, Mode.SYNC).withCapacity(5).withMaxMessageBytes(1000));
        assertTrue(opened.isOk(), String.valueOf(opened.message()));
        receiver = opened.end();
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    @Test
    void welcomeCarriesCapacityAndLimitAndEachCollectedMessageIsAcked() throws Exception {
        try (RawClient client = new RawClient(address)) {
            client.hello(1, 9, 65536, ChannelSpec.DEFAULT_CONTENT_TYPE);
            ByteBuffer welcome = client.readFrame();
            assertEquals(8 + 16, welcome.limit());
            assertEquals(16, welcome.getInt(0));
            assertEquals(2, welcome.get(4));
            assertEquals(0x49504353, welcome.getInt(8));
            assertEquals(1, welcome.getShort(12));
            assertEquals(5, welcome.getInt(16));
            assertEquals(1000, welcome.getInt(20));

            client.write(RawClient.message(1, 64, 1));
            client.write(RawClient.message(2, 30, 0));
            ByteBuffer into = ByteBuffer.allocate(1000);
            for (int n = 1; n <= 2; n++) {
                assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 5 * SECOND));
                assertEquals(n, into.getLong(0));
                ByteBuffer ack = client.readFrame();
                assertEquals(8, ack.getInt(0));
                assertEquals(5, ack.get(4));
                assertEquals(n, ack.getLong(8), "cumulative collected count");
            }
        }
    }

    @Test
    void aFormatMismatchAndAnotherVersionAreRefused() throws Exception {
        try (RawClient client = new RawClient(address)) {
            client.hello(1, 9, 65536, "text/plain");
            ByteBuffer refuse = client.readFrame();
            assertEquals(3, refuse.get(4));
            assertEquals(1, refuse.getShort(8 + 6), "reason format_mismatch");
            int length = refuse.getShort(8 + 8);
            assertEquals(ChannelSpec.DEFAULT_CONTENT_TYPE, StandardCharsets.UTF_8.decode(refuse.slice(8 + 10, length)).toString());
            assertThrows(EOFException.class, client::readFrame, "the receiver closes after REFUSE");
        }
        try (RawClient client = new RawClient(address)) {
            client.hello(2, 9, 65536, ChannelSpec.DEFAULT_CONTENT_TYPE);
            ByteBuffer refuse = client.readFrame();
            assertEquals(3, refuse.get(4));
            assertEquals(2, refuse.getShort(8 + 6), "reason version_mismatch");
            assertEquals(1, refuse.getShort(8 + 4), "the receiver's version");
        }
    }

    @Test
    void aFrameOverTheLimitDropsTheConnectionAndIsNotDelivered() throws Exception {
        try (RawClient client = new RawClient(address)) {
            client.hello(1, 9, 65536, ChannelSpec.DEFAULT_CONTENT_TYPE);
            client.readFrame();
            client.write(RawClient.message(1, 64, 0));
            client.write(RawClient.message(2, 1001, 0));
            ByteBuffer into = ByteBuffer.allocate(1000);
            assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 5 * SECOND));
            assertEquals(1, into.getLong(0));
            client.readFrame(); // the ack of message 1
            assertEquals(ReceiveStatus.TIMEOUT, receiver.receive(into, 300_000_000L));
            assertThrows(EOFException.class, client::readFrame, "the connection was dropped");
        }
    }

    @Test
    void aSenderKilledMidFrameLeavesNoTornMessage() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                RawClient.class.getName(), address.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine());
            process.destroyForcibly(); // SIGKILL, with the second frame a third written
            assertTrue(process.waitFor(10, TimeUnit.SECONDS));
            ByteBuffer into = ByteBuffer.allocate(1000);
            assertEquals(ReceiveStatus.MESSAGE, receiver.receive(into, 5 * SECOND));
            assertEquals(1, into.getLong(0));
            assertEquals(64, into.remaining());
            assertTrue(ChannelPeer.intact(into, 1));
            assertEquals(ReceiveStatus.TIMEOUT, receiver.receive(into, 300_000_000L), "a torn message was delivered");
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
