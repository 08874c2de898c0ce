package org.ipcspec.channel.socket;

import static org.ipcspec.channel.socket.FrameDescriptor.HEADER_LENGTH;
import static org.ipcspec.channel.socket.FrameDescriptor.TYPE_MESSAGE;
import static org.ipcspec.channel.socket.FrameDescriptor.completeFrameLength;
import static org.ipcspec.channel.socket.FrameDescriptor.type;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.ipcspec.channel.ChannelException;
import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.MessageSink;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.support.Deadline;
import org.ipcspec.channel.support.ReceiverLock;

/**
 * The receiving end: a listening socket served by an {@link Acceptor} thread, and one
 * {@link Connection} per sender, read by the receiving thread through one selector.
 *
 * <p>A receive takes the next complete MESSAGE frame already read (senders in turn, FIFO within
 * each), reading more only when none is left. Before it returns, it writes an ACK with the
 * connection's collected count, so any send its sender starts afterwards sees the message as
 * collected (a sync sender is released, and an async sender at capacity finds room).
 */
final class SocketReceiver implements Receiver {

    private final ChannelSpec spec;
    private final Path socketPath;
    private final ReceiverLock lock;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final Acceptor acceptor;
    private final Thread acceptorThread;
    private final ConcurrentLinkedQueue<Acceptor.Established> established;
    /** Up to this many senders, an empty receiver reads each socket directly instead of selecting first. */
    private static final int DIRECT_READ_CONNECTIONS = 4;

    private final List<Connection> connections = new ArrayList<>();
    /** Where the search for the next frame starts, so that senders take turns. */
    private int nextConnection;
    private volatile boolean closed;

    SocketReceiver(ChannelSpec spec, Path socketPath, ReceiverLock lock, ServerSocketChannel server, Selector selector,
                   ConcurrentLinkedQueue<Acceptor.Established> established, Acceptor acceptor) {
        this.spec = spec;
        this.socketPath = socketPath;
        this.lock = lock;
        this.server = server;
        this.selector = selector;
        this.established = established;
        this.acceptor = acceptor;
        this.acceptorThread = new Thread(acceptor, "ipcspec-socket-acceptor " + socketPath.getFileName());
        this.acceptorThread.setDaemon(true);
    }

    void start() {
        acceptorThread.start();
    }

    @Override
    public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
        return receive(into, timeoutNanos, null);
    }

    @Override
    public ReceiveStatus receiveBefore(ByteBuffer into, Deadline deadline) {
        return receive(into, 0, deadline);
    }

    /**
     * With {@code given}, until it; else within {@code timeoutNanos}. The deadline is taken only
     * when nothing is left to collect and the receive must wait: no clock read, no allocation,
     * for a receive that finds a frame.
     */
    private ReceiveStatus receive(ByteBuffer into, long timeoutNanos, Deadline given) {
        if (into.capacity() < spec.maxMessageBytes()) {
            throw new IllegalArgumentException("buffer smaller than max_message_bytes: capacity=" + into.capacity()
                    + " maxMessageBytes=" + spec.maxMessageBytes());
        }
        if (closed) {
            return ReceiveStatus.CLOSED;
        }
        boolean waits = spec.mode() == Mode.SYNC;
        Deadline deadline = given;
        try {
            while (true) {
                adoptEstablished();
                Connection ready = nextWithFrame();
                if (ready != null) {
                    deliver(ready, into);
                    return ReceiveStatus.MESSAGE;
                }
                flushDeferredAcks(); // nothing left to collect: no ACK may wait any longer
                if (readEveryConnection()) {
                    continue;
                }
                if (!waits) {
                    return ReceiveStatus.EMPTY;
                }
                if (deadline == null) {
                    deadline = Deadline.after(timeoutNanos);
                }
                long remaining = deadline.remainingNanos();
                if (!deadline.isNever() && remaining <= 0) {
                    return ReceiveStatus.TIMEOUT;
                }
                // Rounded up, so that a timeout never ends early; 0 means no limit to select().
                selector.select(deadline.isNever() ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining + 999_999)));
                serviceSelected();
            }
        } catch (ClosedSelectorException e) {
            return ReceiveStatus.CLOSED; // closed by another thread while waiting
        } catch (IOException e) {
            throw new ChannelException("socket receive failed: address=" + socketPath + " error=" + e, e);
        }
    }

    /** Registers connections the acceptor finished; a sender that already left is skipped. */
    private void adoptEstablished() {
        for (Acceptor.Established e; (e = established.poll()) != null; ) {
            try {
                SelectionKey key = e.channel().register(selector, SelectionKey.OP_READ);
                Connection connection = new Connection(e.channel(), key, e.senderId(), HEADER_LENGTH + spec.maxMessageBytes(),
                        spec.capacity());
                key.attach(connection);
                connections.add(connection);
            } catch (ClosedChannelException ignored) {
                // gone before it was registered: nothing of it to deliver
            }
        }
    }

    /**
     * The next connection with a complete MESSAGE frame, starting after the last one served.
     * Connections whose sender ended and that hold no complete frame are dropped here, with any
     * partial frame (a sender killed mid-write never yields a torn message); so is a connection
     * that breaks the frame format.
     */
    private Connection nextWithFrame() {
        int n = connections.size();
        for (int i = 0; i < n; i++) {
            int index = (nextConnection + i) % n;
            Connection c = connections.get(index);
            int frame;
            try {
                frame = completeFrameLength(c.in, spec.maxMessageBytes());
                if (frame > 0 && type(c.in, c.in.position()) != TYPE_MESSAGE) {
                    throw new IllegalStateException("unexpected frame type: type=" + type(c.in, c.in.position()));
                }
            } catch (IllegalStateException e) {
                frame = -1;
            }
            if (frame > 0) {
                nextConnection = index + 1;
                return c;
            }
            if (frame < 0 || c.eof) {
                c.close();
                connections.remove(index);
                return nextWithFrame(); // indices moved; the list is short, so start over
            }
        }
        return null;
    }

    /**
     * One non-blocking read of every connection: with the few senders a channel has, this is
     * fewer system calls than asking the selector first (which a sync receive does only once
     * nothing is readable). Pending acks are retried on the way. True if anything came.
     */
    private boolean readEveryConnection() throws IOException {
        if (connections.size() > DIRECT_READ_CONNECTIONS) {
            if (selector.selectNow() == 0) {
                return false;
            }
            serviceSelected();
            return true;
        }
        boolean progress = false;
        for (int i = 0; i < connections.size(); i++) {
            Connection c = connections.get(i);
            if (c.ackPending()) {
                c.flushAck();
            }
            if (!c.eof) {
                int before = c.in.remaining();
                c.read();
                progress |= c.eof || c.in.remaining() != before;
            } else {
                progress = true; // let nextWithFrame drop it
            }
        }
        return progress;
    }

    private void flushDeferredAcks() {
        for (int i = 0; i < connections.size(); i++) {
            Connection c = connections.get(i);
            if (c.ackPending()) {
                c.flushAck();
            }
        }
    }

    private void deliver(Connection c, ByteBuffer into) {
        ByteBuffer in = c.in;
        int start = in.position();
        byte flags = FrameDescriptor.flags(in, start);
        int length = FrameDescriptor.bodyLength(in, start);
        int end = start + HEADER_LENGTH + length;
        int limit = in.limit();
        into.clear();
        in.position(start + HEADER_LENGTH).limit(end);
        into.put(in);
        in.limit(limit).position(end);
        into.flip();
        c.collected(flags);
    }

    private void serviceSelected() {
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            Connection c = (Connection) key.attachment();
            if (!key.isValid()) {
                continue;
            }
            if (key.isWritable()) {
                c.flushAck();
            }
            if (key.isValid() && key.isReadable() && !c.eof) {
                c.read();
            }
        }
    }

    /** The whole frames already read, senders in turn: no system call but the acknowledgements. */
    @Override
    public int receiveReady(ByteBuffer into, MessageSink sink, int max) {
        if (closed) {
            return 0;
        }
        int n = 0;
        while (n < max) {
            Connection ready = nextWithFrame();
            if (ready == null) {
                flushDeferredAcks(); // nothing left to collect: no ACK may wait any longer
                break;
            }
            deliver(ready, into);
            n++;
            sink.accept(into);
        }
        return n;
    }

    @Override
    public Mode mode() {
        return spec.mode();
    }

    @Override
    public int capacity() {
        return spec.capacity();
    }

    @Override
    public int maxMessageBytes() {
        return spec.maxMessageBytes();
    }

    @Override
    public String contentType() {
        return spec.contentType();
    }

    /**
     * Stops accepting, drops every connection (their senders see the end of the stream: CLOSED),
     * unlinks the socket file and only then releases the lock, so no second receiver can bind
     * while this one still has the address.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        acceptor.stop();
        closeQuietly(server);
        try {
            acceptorThread.join(TimeUnit.SECONDS.toMillis(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Acceptor.Established e; (e = established.poll()) != null; ) {
            Acceptor.closeQuietly(e.channel());
        }
        for (Connection c : connections) {
            c.close();
        }
        connections.clear();
        closeQuietly(selector);
        try {
            Files.deleteIfExists(socketPath);
        } catch (IOException e) {
            // left behind it is a stale socket file, which the next receiver unlinks
        } finally {
            lock.close();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // releasing either way
        }
    }
}
