package org.ipcspec.channel.socket;

import static org.ipcspec.channel.socket.FrameDescriptor.HEADER_LENGTH;
import static org.ipcspec.channel.socket.FrameDescriptor.HELLO_CONTENT_TYPE_LENGTH_OFFSET;
import static org.ipcspec.channel.socket.FrameDescriptor.HELLO_CONTENT_TYPE_OFFSET;
import static org.ipcspec.channel.socket.FrameDescriptor.HELLO_SENDER_ID_OFFSET;
import static org.ipcspec.channel.socket.FrameDescriptor.MAGIC;
import static org.ipcspec.channel.socket.FrameDescriptor.MAGIC_OFFSET;
import static org.ipcspec.channel.socket.FrameDescriptor.MAX_HANDSHAKE_BODY;
import static org.ipcspec.channel.socket.FrameDescriptor.REASON_FORMAT_MISMATCH;
import static org.ipcspec.channel.socket.FrameDescriptor.REASON_MALFORMED;
import static org.ipcspec.channel.socket.FrameDescriptor.REASON_VERSION_MISMATCH;
import static org.ipcspec.channel.socket.FrameDescriptor.TYPE_HELLO;
import static org.ipcspec.channel.socket.FrameDescriptor.TYPE_REFUSE;
import static org.ipcspec.channel.socket.FrameDescriptor.TYPE_WELCOME;
import static org.ipcspec.channel.socket.FrameDescriptor.VERSION;
import static org.ipcspec.channel.socket.FrameDescriptor.VERSION_OFFSET;
import static org.ipcspec.channel.socket.FrameDescriptor.WELCOME_BODY_LENGTH;
import static org.ipcspec.channel.socket.FrameDescriptor.completeFrameLength;
import static org.ipcspec.channel.socket.FrameDescriptor.putHeader;
import static org.ipcspec.channel.socket.FrameDescriptor.type;
import static org.ipcspec.channel.socket.FrameDescriptor.utf8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

import org.ipcspec.channel.support.Deadline;

/**
 * The receiver's background thread: accepts connections and completes their handshakes even while
 * the receiving thread is not inside a receive call (a sender may open and send then), and hands
 * each established connection to the receiving thread through a queue plus a selector wake-up.
 *
 * <p>Order matters for causality: a connection is queued <em>before</em> its WELCOME is written,
 * so once a sender has its WELCOME (and may have sent), a receive that starts afterwards finds the
 * connection in the queue. The sender writes nothing before WELCOME, and the receiving thread only
 * reads or acks, so the acceptor's one write of WELCOME does not race anything.
 */
final class Acceptor implements Runnable {

    /** A peer that connects and then says nothing must not hold up other senders for long. */
    private static final long HELLO_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** A handshaken connection, waiting for the receiving thread to register it. */
    record Established(SocketChannel channel, int senderId) {
    }

    private final ServerSocketChannel server;
    private final Queue<Established> established;
    private final Selector receiverSelector;
    private final Selector handshakeSelector;
    private final int capacity;
    private final int maxMessageBytes;
    private final String contentType;
    private final int ackBufferBytes;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(HEADER_LENGTH + MAX_HANDSHAKE_BODY);
    private volatile boolean stopping;

    Acceptor(ServerSocketChannel server, Queue<Established> established, Selector receiverSelector,
             int capacity, int maxMessageBytes, String contentType) throws IOException {
        this.server = server;
        this.established = established;
        this.receiverSelector = receiverSelector;
        this.handshakeSelector = Selector.open();
        this.capacity = capacity;
        this.maxMessageBytes = maxMessageBytes;
        this.contentType = contentType;
        this.ackBufferBytes = SocketTransport.sendBufferBytes(capacity, FrameDescriptor.ACK_FRAME_LENGTH);
    }

    @Override
    public void run() {
        try {
            while (!stopping) {
                SocketChannel channel;
                try {
                    channel = server.accept();
                } catch (IOException e) {
                    if (stopping || !server.isOpen()) {
                        return;
                    }
                    // A connection that failed before we got it, or no descriptors left: pause, serve on.
                    java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                    continue;
                }
                try {
                    handshake(channel);
                } catch (IOException | RuntimeException e) {
                    closeQuietly(channel);
                }
            }
        } finally {
            try {
                handshakeSelector.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }

    /** Asks the thread to finish; the caller closes the server socket, which ends a blocked accept. */
    void stop() {
        stopping = true;
        handshakeSelector.wakeup();
    }

    private void handshake(SocketChannel channel) throws IOException {
        channel.configureBlocking(false);
        SelectionKey key = channel.register(handshakeSelector, SelectionKey.OP_READ);
        buffer.clear();
        int frameLength = 0;
        Deadline deadline = Deadline.after(HELLO_TIMEOUT_NANOS);
        try {
            while (frameLength == 0) {
                if (channel.read(buffer) < 0 || stopping || deadline.expired()) {
                    closeQuietly(channel);
                    return;
                }
                buffer.flip();
                try {
                    frameLength = completeFrameLength(buffer, MAX_HANDSHAKE_BODY);
                } catch (IllegalStateException e) {
                    refuse(channel, REASON_MALFORMED);
                    return;
                }
                buffer.position(buffer.limit()).limit(buffer.capacity());
                if (frameLength == 0) {
                    handshakeSelector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline.remainingNanos())));
                    handshakeSelector.selectedKeys().clear();
                }
            }
        } finally {
            key.cancel();
            handshakeSelector.selectNow(); // completes the deregistration
        }
        int body = HEADER_LENGTH;
        if (type(buffer, 0) != TYPE_HELLO || frameLength < HEADER_LENGTH + HELLO_CONTENT_TYPE_OFFSET) {
            refuse(channel, REASON_MALFORMED);
            return;
        }
        if (buffer.getInt(body + MAGIC_OFFSET) != MAGIC) {
            closeQuietly(channel); // not our protocol at all: say nothing
            return;
        }
        if (Short.toUnsignedInt(buffer.getShort(body + VERSION_OFFSET)) != VERSION) {
            refuse(channel, REASON_VERSION_MISMATCH);
            return;
        }
        int typeLength = Short.toUnsignedInt(buffer.getShort(body + HELLO_CONTENT_TYPE_LENGTH_OFFSET));
        if (frameLength < HEADER_LENGTH + HELLO_CONTENT_TYPE_OFFSET + typeLength) {
            refuse(channel, REASON_MALFORMED);
            return;
        }
        if (!contentType.equals(utf8(buffer, body + HELLO_CONTENT_TYPE_OFFSET, typeLength))) {
            refuse(channel, REASON_FORMAT_MISMATCH);
            return;
        }
        channel.setOption(java.net.StandardSocketOptions.SO_SNDBUF, ackBufferBytes);
        established.add(new Established(channel, buffer.getInt(body + HELLO_SENDER_ID_OFFSET)));
        receiverSelector.wakeup();
        buffer.clear();
        putHeader(buffer, WELCOME_BODY_LENGTH, TYPE_WELCOME, (byte) 0);
        buffer.putInt(MAGIC).putShort((short) VERSION).putShort((short) 0).putInt(capacity).putInt(maxMessageBytes).flip();
        try {
            writeFully(channel);
        } catch (IOException e) {
            // Already queued: the receiving thread sees the end of stream and drops it.
        }
    }

    private void refuse(SocketChannel channel, int reason) {
        byte[] type = utf8(contentType);
        buffer.clear();
        putHeader(buffer, FrameDescriptor.REFUSE_CONTENT_TYPE_OFFSET + type.length, TYPE_REFUSE, (byte) 0);
        buffer.putInt(MAGIC).putShort((short) VERSION).putShort((short) reason).putShort((short) type.length).put(type).flip();
        try {
            writeFully(channel);
        } catch (IOException e) {
            // the sender left already; nothing to tell it
        }
        closeQuietly(channel);
    }

    /** Handshake frames are a few hundred bytes into an empty socket buffer: one write takes them. */
    private void writeFully(SocketChannel channel) throws IOException {
        for (int spins = 0; buffer.hasRemaining(); spins++) {
            if (channel.write(buffer) == 0 && spins > 1000) {
                throw new IOException("handshake frame not accepted by the socket");
            }
        }
    }

    static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing drops it either way
        }
    }
}
