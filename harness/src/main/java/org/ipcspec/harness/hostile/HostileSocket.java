package org.ipcspec.harness.hostile;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Connects to a socket channel's receiver as a sender would (docs/wire-formats.md, "Handshake"),
 * then writes a MESSAGE frame whose {@code body_length} is over the channel's limit, with the
 * whole body: a receiver that ignored the limit would read a complete message. The connection is
 * left open (closed at the scenario's end), so the receiver must act on the frame itself, not on
 * the end of the stream.
 */
final class HostileSocket {

    static final int MAGIC = 0x49504353;
    static final int HELLO = 1;
    static final int WELCOME = 2;
    static final int MESSAGE = 4;
    static final long HANDSHAKE_MS = 10_000;

    private HostileSocket() {
    }

    /** @param contentType the channel's, so the receiver welcomes the connection */
    static SocketChannel write(Path address, String contentType, StringBuilder said) throws IOException {
        SocketChannel socket = SocketChannel.open(StandardProtocolFamily.UNIX);
        // A receiver that never answers the handshake must not hang the harness: closing the
        // socket ends a blocked read or write.
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(HANDSHAKE_MS);
                socket.close();
            } catch (InterruptedException | IOException e) {
                // done in time, or already closed
            }
        }, "hostile-peer-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            socket.connect(UnixDomainSocketAddress.of(address));
            byte[] type = contentType.getBytes(StandardCharsets.UTF_8);
            ByteBuffer hello = ByteBuffer.allocate(8 + 18 + type.length);
            hello.putInt(18 + type.length).put((byte) HELLO).put((byte) 0).putShort((short) 0);
            hello.putInt(MAGIC).putShort((short) 1).putShort((short) 0).putInt((int) HostileWrite.SENDER_ID)
                    .putInt(Integer.MAX_VALUE).putShort((short) type.length).put(type);
            writeAll(socket, hello.flip());
            ByteBuffer answer = readFully(socket, 8);
            int bodyLength = answer.getInt(0);
            int kind = answer.get(4);
            if (kind != WELCOME || bodyLength != 16) {
                throw new IOException("the receiver did not welcome the hostile peer: frame type " + kind + ", body_length " + bodyLength);
            }
            ByteBuffer welcome = readFully(socket, 16);
            int max = welcome.getInt(12);
            int over = max + 1;
            ByteBuffer frame = ByteBuffer.allocate(8 + over);
            frame.putInt(over).put((byte) MESSAGE).put((byte) 0).putShort((short) 0).put(HostilePayload.of(over));
            watchdog.interrupt();
            try {
                writeAll(socket, frame.flip());
            } catch (IOException e) {
                // The receiver closed the connection on reading the header, as the format lets it.
                said.append("(the receiver closed the connection while the body was written: ").append(e.getMessage()).append(") ");
            }
            said.append("a MESSAGE frame with body_length=").append(over).append(" over the channel's max_message_bytes=").append(max)
                    .append(", body and all (a generated payload of sender ").append(HostileWrite.SENDER_ID).append(" seq ")
                    .append(HostileWrite.SEQ).append("), on a connection left open");
            return socket;
        } catch (IOException | RuntimeException e) {
            watchdog.interrupt();
            socket.close();
            throw e;
        }
    }

    private static void writeAll(SocketChannel socket, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            socket.write(bytes);
        }
    }

    private static ByteBuffer readFully(SocketChannel socket, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (socket.read(b) < 0) {
                throw new IOException("the receiver closed the hostile peer's connection during the handshake");
            }
        }
        return b.flip();
    }
}
