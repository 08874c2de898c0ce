package org.ipcspec.channel.socket;

import java.io.EOFException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A sender written from docs/wire-formats.md (socket) alone, with literal offsets rather than the
 * transport's constants, so that the tests check the documented bytes. As a main it is a sender
 * process that dies mid-frame: it sends one whole MESSAGE and part of a second, prints
 * {@code ready}, and waits to be killed.
 */
final class RawClient implements AutoCloseable {

    final SocketChannel channel;

    RawClient(Path address) throws IOException {
        channel = SocketChannel.open(UnixDomainSocketAddress.of(address));
    }

    public static void main(String[] args) throws Exception {
        RawClient client = new RawClient(Path.of(args[0]));
        client.hello(1, 9, 65536, "application/octet-stream");
        ByteBuffer welcome = client.readFrame();
        if (welcome.get(4) != 2) {
            throw new IllegalStateException("no WELCOME: type=" + welcome.get(4));
        }
        client.write(message(1, 64, 0));
        ByteBuffer second = message(2, 64, 0);
        second.limit(8 + 20); // the header and 20 of the 64 payload bytes
        client.write(second);
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(60_000);
    }

    void hello(int version, int senderId, int maxMessageBytes, String contentType) throws IOException {
        byte[] type = contentType.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + 18 + type.length);
        b.putInt(18 + type.length).put((byte) 1).put((byte) 0).putShort((short) 0);
        b.putInt(0x49504353).putShort((short) version).putShort((short) 0).putInt(senderId).putInt(maxMessageBytes)
                .putShort((short) type.length).put(type).flip();
        write(b);
    }

    /** A MESSAGE frame whose payload is {@code ChannelPeer.payload(seq, 9, size)}. */
    static ByteBuffer message(long seq, int size, int flags) {
        ByteBuffer b = ByteBuffer.allocate(8 + size);
        b.putInt(size).put((byte) 4).put((byte) flags).putShort((short) 0);
        b.put(org.ipcspec.channel.testing.ChannelPeer.payload(seq, 9, size)).flip();
        return b;
    }

    void write(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** Reads one whole frame, header included; throws EOFException at the end of the stream. */
    ByteBuffer readFrame() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(8);
        readFully(header);
        ByteBuffer frame = ByteBuffer.allocate(8 + header.getInt(0));
        frame.put(header.flip());
        readFully(frame);
        return frame.flip();
    }

    private void readFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (channel.read(b) < 0) {
                throw new EOFException("end of stream");
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
