package org.ipcspec.channel.socket;

import static org.ipcspec.channel.socket.FrameDescriptor.HEADER_LENGTH;
import static org.ipcspec.channel.socket.FrameDescriptor.MAGIC;
import static org.ipcspec.channel.socket.FrameDescriptor.MAX_ADDRESS_BYTES;
import static org.ipcspec.channel.socket.FrameDescriptor.MAX_HANDSHAKE_BODY;
import static org.ipcspec.channel.socket.FrameDescriptor.REASON_FORMAT_MISMATCH;
import static org.ipcspec.channel.socket.FrameDescriptor.REFUSE_CONTENT_TYPE_LENGTH_OFFSET;
import static org.ipcspec.channel.socket.FrameDescriptor.REFUSE_CONTENT_TYPE_OFFSET;
import static org.ipcspec.channel.socket.FrameDescriptor.REFUSE_REASON_OFFSET;
import static org.ipcspec.channel.socket.FrameDescriptor.TYPE_HELLO;
import static org.ipcspec.channel.socket.FrameDescriptor.TYPE_REFUSE;
import static org.ipcspec.channel.socket.FrameDescriptor.TYPE_WELCOME;
import static org.ipcspec.channel.socket.FrameDescriptor.VERSION;
import static org.ipcspec.channel.socket.FrameDescriptor.VERSION_OFFSET;
import static org.ipcspec.channel.socket.FrameDescriptor.WELCOME_BODY_LENGTH;
import static org.ipcspec.channel.socket.FrameDescriptor.WELCOME_CAPACITY_OFFSET;
import static org.ipcspec.channel.socket.FrameDescriptor.WELCOME_MAX_MESSAGE_BYTES_OFFSET;
import static org.ipcspec.channel.socket.FrameDescriptor.completeFrameLength;
import static org.ipcspec.channel.socket.FrameDescriptor.putHeader;
import static org.ipcspec.channel.socket.FrameDescriptor.type;
import static org.ipcspec.channel.socket.FrameDescriptor.utf8;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.OpenStatus;
import org.ipcspec.channel.Opened;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.Sender;
import org.ipcspec.channel.Transport;
import org.ipcspec.channel.support.Backoff;
import org.ipcspec.channel.support.Deadline;
import org.ipcspec.channel.support.OwnerOnly;
import org.ipcspec.channel.support.ReceiverLock;

/**
 * Message passing over a Unix domain stream socket at the channel's address, with length-prefixed
 * frames ({@link FrameDescriptor}; docs/wire-formats.md (socket)). The receiver listens; each sender
 * holds one connection, says HELLO, and is answered WELCOME or REFUSE. A receiver's ownership is
 * its {@link ReceiverLock} on {@code <address>.lock}; the socket file alone cannot say whether
 * its receiver is alive.
 */
public final class SocketTransport implements Transport {

    /** A live receiver answers HELLO in microseconds; this floor covers a tiny open timeout. */
    private static final long MIN_HANDSHAKE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int LISTEN_BACKLOG = 64;
    /** The kernel's default; more is asked for when capacity frames need it (capped by wmem_max). */
    private static final int MIN_SEND_BUFFER = 212_992;
    private static final int MAX_SEND_BUFFER = 4 * 1024 * 1024;
    /** What a small write costs the socket buffer beyond its bytes (the kernel's per-skb overhead). */
    private static final int PER_WRITE_OVERHEAD = 1024;

    @Override
    public String name() {
        return "socket";
    }

    @Override
    public Opened<Receiver> openReceiver(ChannelSpec spec) {
        Path address = spec.address();
        String invalid = checkAddress(address);
        if (invalid != null) {
            return Opened.refused(OpenStatus.IO, invalid);
        }
        ReceiverLock lock = null;
        ServerSocketChannel server = null;
        Selector selector = null;
        try {
            OwnerOnly.requireNotLink(address);
            lock = ReceiverLock.tryAcquire(lockPath(address));
            if (lock == null) {
                return Opened.refused(OpenStatus.BUSY, "a live receiver owns the channel: address=" + address);
            }
            removeStaleSocket(address);
            server = bindOwnerOnly(address);
            selector = Selector.open();
            ConcurrentLinkedQueue<Acceptor.Established> established = new ConcurrentLinkedQueue<>();
            Acceptor acceptor = new Acceptor(server, established, selector, spec.capacity(), spec.maxMessageBytes(),
                    spec.contentType());
            SocketReceiver receiver = new SocketReceiver(spec, address, lock, server, selector, established, acceptor);
            receiver.start();
            return Opened.ok(receiver);
        } catch (IOException | RuntimeException e) {
            closeQuietly(selector);
            closeQuietly(server);
            if (server != null) {
                try {
                    Files.deleteIfExists(address);
                } catch (IOException ignored) {
                    // a stale socket file is taken over by the next receiver
                }
            }
            closeQuietly(lock);
            return Opened.refused(OpenStatus.IO, "cannot open socket receiver: address=" + address + " error=" + e.getMessage());
        }
    }

    @Override
    public Opened<Sender> openSender(ChannelSpec spec) {
        Path address = spec.address();
        String invalid = checkAddress(address);
        if (invalid != null) {
            return Opened.refused(OpenStatus.IO, invalid);
        }
        Deadline deadline = Deadline.after(spec.openTimeout().toNanos());
        Backoff backoff = new Backoff();
        String lastFailure = "no socket";
        while (true) {
            try {
                OwnerOnly.requireNotLink(address);
            } catch (IOException e) {
                return Opened.refused(OpenStatus.IO, e.getMessage());
            }
            SocketChannel channel = null;
            try {
                channel = connect(address);
            } catch (IOException e) {
                lastFailure = e.toString(); // absent (ENOENT), stale (ECONNREFUSED), backlog full: not yet
            }
            if (channel != null) {
                try {
                    Opened<Sender> opened = handshake(channel, spec, deadline);
                    if (opened != null) {
                        return opened;
                    }
                    lastFailure = "receiver closed the connection during the handshake";
                } catch (IOException | RuntimeException e) {
                    Acceptor.closeQuietly(channel);
                    lastFailure = e.toString();
                    if (e instanceof IllegalStateException) {
                        return Opened.refused(OpenStatus.IO, e.getMessage()); // a peer that is not ours
                    }
                }
            }
            if (deadline.expired()) {
                return Opened.refused(OpenStatus.NOT_FOUND, "no live receiver within "
                        + spec.openTimeout().toMillis() + " ms: address=" + address + " last=" + lastFailure);
            }
            backoff.idle();
        }
    }

    /**
     * A non-blocking connect: a Unix socket connects at once or fails at once (a full backlog
     * fails with EAGAIN instead of blocking), so an open never hangs on a stuck receiver.
     */
    private static SocketChannel connect(Path address) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.configureBlocking(false);
            if (!channel.connect(UnixDomainSocketAddress.of(address)) && !channel.finishConnect()) {
                throw new IOException("connection pending");
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Says HELLO and reads the answer. Returns the open end, a refusal, or null when the
     * connection ended first (a receiver closing down: try again).
     */
    private static Opened<Sender> handshake(SocketChannel channel, ChannelSpec spec, Deadline openDeadline)
            throws IOException {
        byte[] type = utf8(spec.contentType());
        ByteBuffer buffer = ByteBuffer.allocateDirect(HEADER_LENGTH + MAX_HANDSHAKE_BODY);
        putHeader(buffer, FrameDescriptor.HELLO_CONTENT_TYPE_OFFSET + type.length, TYPE_HELLO, (byte) 0);
        buffer.putInt(MAGIC).putShort((short) VERSION).putShort((short) 0).putInt(spec.senderId())
                .putInt(spec.maxMessageBytes()).putShort((short) type.length).put(type).flip();
        for (int spins = 0; buffer.hasRemaining(); spins++) {
            if (channel.write(buffer) == 0 && spins > 1000) {
                throw new IOException("HELLO not accepted by a new socket"); // a few hundred bytes, empty socket
            }
        }
        Selector selector = Selector.open();
        boolean done = false;
        try {
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            Deadline deadline = Deadline.after(Math.max(openDeadline.remainingNanos(), MIN_HANDSHAKE_WAIT_NANOS));
            buffer.clear().limit(0);
            int length;
            while ((length = completeFrameLength(buffer, MAX_HANDSHAKE_BODY)) == 0) {
                buffer.compact();
                int read = channel.read(buffer);
                buffer.flip();
                if (read < 0) {
                    channel.close();
                    return null;
                }
                if (read == 0) {
                    if (deadline.expired()) {
                        channel.close();
                        return Opened.refused(OpenStatus.NOT_FOUND, "receiver did not answer HELLO: address=" + spec.address());
                    }
                    selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline.remainingNanos())));
                    selector.selectedKeys().clear();
                }
            }
            int start = buffer.position();
            int body = start + HEADER_LENGTH;
            if (length >= HEADER_LENGTH + VERSION_OFFSET + 2) {
                FrameDescriptor.checkMagicAndVersion(buffer, body, "receiver");
            }
            byte frameType = type(buffer, start);
            if (frameType == TYPE_REFUSE && length >= HEADER_LENGTH + REFUSE_CONTENT_TYPE_OFFSET) {
                int reason = Short.toUnsignedInt(buffer.getShort(body + REFUSE_REASON_OFFSET));
                int typeLength = Math.min(Short.toUnsignedInt(buffer.getShort(body + REFUSE_CONTENT_TYPE_LENGTH_OFFSET)),
                        length - HEADER_LENGTH - REFUSE_CONTENT_TYPE_OFFSET);
                String channelType = utf8(buffer, body + REFUSE_CONTENT_TYPE_OFFSET, typeLength);
                channel.close();
                if (reason == REASON_FORMAT_MISMATCH) {
                    return Opened.refused(OpenStatus.FORMAT_MISMATCH, "content type differs: sender=" + spec.contentType()
                            + " channel=" + channelType);
                }
                return Opened.refused(OpenStatus.IO, "receiver refused the handshake: reason=" + reason);
            }
            if (frameType != TYPE_WELCOME || length != HEADER_LENGTH + WELCOME_BODY_LENGTH) {
                throw new IllegalStateException("unexpected handshake answer: type=" + frameType + " length=" + length);
            }
            int capacity = buffer.getInt(body + WELCOME_CAPACITY_OFFSET);
            int channelMax = buffer.getInt(body + WELCOME_MAX_MESSAGE_BYTES_OFFSET);
            if (capacity < 1 || channelMax < 1) {
                throw new IllegalStateException("bad WELCOME: capacity=" + capacity + " maxMessageBytes=" + channelMax);
            }
            buffer.position(start + length);
            int max = Math.min(channelMax, spec.maxMessageBytes());
            channel.setOption(StandardSocketOptions.SO_SNDBUF, sendBufferBytes(capacity, HEADER_LENGTH + max));
            key.cancel();
            selector.selectNow();
            SocketSender sender = new SocketSender(channel, Selector.open(), buffer, spec.mode(), capacity, max,
                    spec.address().toString());
            done = true;
            return Opened.ok(sender);
        } finally {
            selector.close();
            if (!done) {
                Acceptor.closeQuietly(channel);
            }
        }
    }

    /**
     * Socket buffer for {@code capacity} frames of {@code frameBytes}, so that a sender within its
     * capacity rarely finds the socket full even while the receiver is not reading.
     */
    static int sendBufferBytes(int capacity, int frameBytes) {
        long wanted = (long) capacity * (frameBytes + PER_WRITE_OVERHEAD);
        return (int) Math.max(MIN_SEND_BUFFER, Math.min(MAX_SEND_BUFFER, wanted));
    }

    static Path lockPath(Path address) {
        return address.resolveSibling(address.getFileName() + ".lock");
    }

    /** The address must fit sun_path with room for the receiver's {@code .new} staging name. */
    static String checkAddress(Path address) {
        int bytes = address.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_ADDRESS_BYTES) {
            return "socket address too long: bytes=" + bytes + " max=" + MAX_ADDRESS_BYTES + " address=" + address;
        }
        return null;
    }

    /**
     * Unlinks what a dead receiver left at the address (we hold the lock, so no live one uses it):
     * a socket file only; anything else there is refused rather than deleted.
     */
    private static void removeStaleSocket(Path address) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(address, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (attributes.isSymbolicLink()) {
            throw new IOException("refusing a symbolic link at a channel path: path=" + address);
        }
        if (!attributes.isOther()) {
            throw new IOException("something other than a socket is at the address: path=" + address);
        }
        Files.delete(address);
    }

    /**
     * Binds at {@code <address>.new}, makes that socket file owner-only, then renames it onto the
     * address: the socket appears at its address already restricted, with no moment in which
     * another user could connect. rename(2) replaces a link itself, never its target.
     */
    private static ServerSocketChannel bindOwnerOnly(Path address) throws IOException {
        Path staging = address.resolveSibling(address.getFileName() + ".new");
        Files.deleteIfExists(staging); // left by a receiver that died while binding; we hold the lock
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(staging), LISTEN_BACKLOG);
            OwnerOnly.restrict(staging);
            Files.move(staging, address, StandardCopyOption.ATOMIC_MOVE);
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            Files.deleteIfExists(staging);
            throw e;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // releasing either way
        }
    }
}
