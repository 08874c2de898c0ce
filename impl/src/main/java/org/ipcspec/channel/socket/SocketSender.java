package org.ipcspec.channel.socket;

import static org.ipcspec.channel.socket.FrameDescriptor.ACK_BODY_LENGTH;
import static org.ipcspec.channel.socket.FrameDescriptor.ACK_COLLECTED_OFFSET;
import static org.ipcspec.channel.socket.FrameDescriptor.FLAG_SYNC;
import static org.ipcspec.channel.socket.FrameDescriptor.HEADER_LENGTH;
import static org.ipcspec.channel.socket.FrameDescriptor.TYPE_ACK;
import static org.ipcspec.channel.socket.FrameDescriptor.TYPE_MESSAGE;
import static org.ipcspec.channel.socket.FrameDescriptor.completeFrameLength;
import static org.ipcspec.channel.socket.FrameDescriptor.putHeader;
import static org.ipcspec.channel.socket.FrameDescriptor.type;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

import org.ipcspec.channel.ChannelException;
import org.ipcspec.channel.MessageSource;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;
import org.ipcspec.channel.support.Deadline;

/**
 * The sending end: one established connection (see {@link SocketTransport#openSender}).
 *
 * <p>Flow control is a count: {@code sent} MESSAGE frames written, {@code acknowledged} the
 * newest collected count from the receiver's ACK frames; {@code sent - acknowledged} messages are
 * uncollected and at most {@code capacity} may be. ACKs are read only when they matter (at
 * capacity, or while a sync send waits), so a fast async sender pays one write per message.
 *
 * <p>A frame is either written whole or, when the socket took only part of it, its remainder
 * stays in {@link #out} and is finished before the next frame: the receiver never sees two frames
 * interleaved, and if this process dies the receiver discards the partial frame.
 */
final class SocketSender implements Sender {

    private static final int ACK_READ_BUFFER = 16 * 1024;
    /** Frames of a batch gathered before one write; also at least one whole frame. */
    static final int COALESCE_BYTES = 256 * 1024;
    /** A run's messages up to this long are written into a heap buffer and copied in; longer ones in place. */
    static final int COPY_LIMIT = 1024;

    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final Mode mode;
    private final int capacity;
    private final int maxMessageBytes;
    private final String address;
    /** The frame being written: header and payload copied into one direct buffer, one write call. */
    private final ByteBuffer out;
    /** Where a run's small messages are written before they are copied in. */
    private final ByteBuffer scratch = ByteBuffer.allocate(COPY_LIMIT);
    /** ACK frames read but not yet parsed, in read mode. */
    private final ByteBuffer in;
    private long sent;
    private long acknowledged;
    private boolean peerGone;
    private boolean closed;

    SocketSender(SocketChannel channel, Selector selector, ByteBuffer leftover, Mode mode, int capacity,
                 int maxMessageBytes, String address) throws IOException {
        this.channel = channel;
        this.selector = selector;
        this.key = channel.register(selector, SelectionKey.OP_READ);
        this.mode = mode;
        this.capacity = capacity;
        this.maxMessageBytes = maxMessageBytes;
        this.address = address;
        this.out = ByteBuffer.allocateDirect(Math.max(COALESCE_BYTES, HEADER_LENGTH + maxMessageBytes)).limit(0);
        this.in = ByteBuffer.allocateDirect(ACK_READ_BUFFER);
        this.in.put(leftover).flip();
    }

    @Override
    public SendStatus send(ByteBuffer message, long timeoutNanos) {
        if (closed || peerGone) {
            return SendStatus.CLOSED;
        }
        if (message.remaining() > maxMessageBytes) {
            return SendStatus.TOO_LARGE;
        }
        try {
            return mode == Mode.ASYNC ? sendAsync(message) : sendSync(message, Deadline.after(timeoutNanos));
        } catch (IOException e) {
            // End of stream, a reset or a broken pipe: the receiver closed or died.
            peerGone = true;
            return SendStatus.CLOSED;
        }
    }

    /**
     * Asynchronous and inside a batch: the frame, flagged MORE, joins the ones gathered in
     * {@link #out}, which go out in one write when the next would not fit (or at capacity, so
     * the receiver can collect and acknowledge them). Until the batch's closing {@link #send}
     * writes them, they are in this process's memory only. Synchronous: as {@link #send}.
     */
    @Override
    public SendStatus sendMore(ByteBuffer message, long timeoutNanos) {
        if (mode != Mode.ASYNC) {
            return send(message, timeoutNanos);
        }
        if (closed || peerGone) {
            return SendStatus.CLOSED;
        }
        if (message.remaining() > maxMessageBytes) {
            return SendStatus.TOO_LARGE;
        }
        try {
            if (sent - acknowledged >= capacity) {
                readAcks();
                if (sent - acknowledged >= capacity) {
                    drain();
                    return SendStatus.FULL;
                }
            }
            int frameLength = HEADER_LENGTH + message.remaining();
            if (room() < frameLength) {
                drain();
                if (room() < frameLength) {
                    return SendStatus.FULL; // the socket holds back what was gathered
                }
            }
            append(message, FrameDescriptor.FLAG_MORE);
            sent++;
            return SendStatus.OK;
        } catch (IOException e) {
            peerGone = true;
            return SendStatus.CLOSED;
        }
    }

    /**
     * A run: the room under the capacity is worked out once and the frames, flagged MORE, join
     * the gathered ones as many at a time as fit, as {@link #sendMore} would one by one.
     */
    @Override
    public int sendRun(MessageSource source, int size, int count) {
        if (mode != Mode.ASYNC || closed || peerGone || size > maxMessageBytes || count <= 0) {
            return 0;
        }
        int done = 0;
        try {
            if (sent - acknowledged + count > capacity) {
                readAcks();
            }
            int allowed = (int) Math.max(0, Math.min(count, capacity - (sent - acknowledged)));
            int frameLength = HEADER_LENGTH + size;
            while (done < allowed) {
                if (room() < frameLength) {
                    drain();
                    if (room() < frameLength) {
                        break; // the socket holds back what was gathered
                    }
                }
                int fit = Math.min(allowed - done, room() / frameLength);
                appendRun(source, done, size, fit);
                done += fit;
                sent += fit;
            }
            if (done < count) {
                drain(); // at capacity or full: let the receiver collect and acknowledge what is here
            }
        } catch (IOException e) {
            peerGone = true; // what was gathered before stays counted as sent, as with sendMore
        }
        return done;
    }

    /**
     * Adds {@code frames} frames of {@code size}-byte bodies, messages {@code first ..} of the
     * run, after the gathered ones: small bodies written into a heap buffer and copied in (the
     * endpoint writes a heap array fastest; a direct buffer checks every put), large ones written
     * in place, one pass over their bytes instead of a write and a copy.
     */
    private void appendRun(MessageSource source, int first, int size, int frames) {
        int unwritten = out.position();
        int end = out.limit();
        out.limit(out.capacity()).position(end);
        for (int f = 0; f < frames; f++) {
            putHeader(out, size, TYPE_MESSAGE, FrameDescriptor.FLAG_MORE);
            int at = out.position();
            if (size <= COPY_LIMIT) {
                source.write(first + f, scratch, 0);
                out.put(at, scratch.array(), 0, size);
            } else {
                source.write(first + f, out, at);
            }
            out.position(at + size);
        }
        out.limit(out.position()).position(unwritten);
    }

    /** Bytes free after the gathered frames, once the written ones are dropped from the front. */
    private int room() {
        if (out.position() > 0) {
            out.compact().flip();
        }
        return out.capacity() - out.limit();
    }

    /** Writes what the socket takes of the gathered frames, without waiting. */
    private void drain() throws IOException {
        while (out.hasRemaining() && channel.write(out) > 0) {
            // until written or the socket is full
        }
    }

    /** Adds one frame after the gathered ones; position stays at the first unwritten byte. */
    private void append(ByteBuffer message, byte flags) {
        int unwritten = out.position();
        int end = out.limit();
        out.limit(out.capacity()).position(end);
        putHeader(out, message.remaining(), TYPE_MESSAGE, flags);
        int position = message.position();
        out.put(message);
        message.position(position);
        out.limit(out.position()).position(unwritten);
    }

    private SendStatus sendAsync(ByteBuffer message) throws IOException {
        if (out.hasRemaining() && channel.write(out) >= 0 && out.hasRemaining()) {
            return SendStatus.FULL; // the socket still holds back part of the previous frame
        }
        if (sent - acknowledged >= capacity) {
            readAcks();
            if (sent - acknowledged >= capacity) {
                return SendStatus.FULL;
            }
        }
        frame(message, (byte) 0);
        if (channel.write(out) == 0) {
            out.limit(0); // not a byte taken: the message was never in the channel
            return SendStatus.FULL;
        }
        sent++;
        return SendStatus.OK;
    }

    private SendStatus sendSync(ByteBuffer message, Deadline deadline) throws IOException {
        while (out.hasRemaining()) {
            channel.write(out);
            if (out.hasRemaining() && !await(SelectionKey.OP_WRITE, deadline)) {
                return SendStatus.TIMEOUT;
            }
        }
        while (sent - acknowledged >= capacity) {
            readAcks();
            if (sent - acknowledged >= capacity && !await(0, deadline)) {
                return SendStatus.TIMEOUT;
            }
        }
        frame(message, FLAG_SYNC);
        while (channel.write(out) == 0) {
            if (!await(SelectionKey.OP_WRITE, deadline)) {
                out.limit(0);
                return SendStatus.TIMEOUT; // never written, so not in the channel
            }
        }
        long mine = ++sent;
        while (out.hasRemaining()) {
            channel.write(out);
            if (out.hasRemaining() && !await(SelectionKey.OP_WRITE, deadline)) {
                return SendStatus.TIMEOUT; // the rest goes out before the next frame
            }
        }
        while (acknowledged < mine) {
            readAcks();
            if (acknowledged < mine && !await(0, deadline)) {
                return SendStatus.TIMEOUT;
            }
        }
        return SendStatus.OK;
    }

    private void frame(ByteBuffer message, byte flags) {
        out.clear();
        putHeader(out, message.remaining(), TYPE_MESSAGE, flags);
        int position = message.position();
        out.put(message);
        message.position(position);
        out.flip();
    }

    /**
     * Reads every ACK already readable, without waiting. A read that leaves room in the buffer
     * took all there was, so one system call is the usual cost.
     */
    private void readAcks() throws IOException {
        while (true) {
            in.compact();
            int room = in.remaining();
            int read;
            try {
                read = channel.read(in);
            } finally {
                in.flip();
            }
            parseAcks();
            if (read < 0) {
                throw new EOFException("receiver ended the connection");
            }
            if (read < room) {
                return;
            }
        }
    }

    private void parseAcks() {
        while (true) {
            int length;
            try {
                length = completeFrameLength(in, ACK_BODY_LENGTH);
            } catch (IllegalStateException e) {
                throw new ChannelException("bad frame from receiver: address=" + address + " " + e.getMessage());
            }
            if (length == 0) {
                return;
            }
            int start = in.position();
            if (type(in, start) != TYPE_ACK || length != FrameDescriptor.ACK_FRAME_LENGTH) {
                throw new ChannelException("unexpected frame from receiver: address=" + address
                        + " type=" + type(in, start) + " length=" + length);
            }
            acknowledged = Math.max(acknowledged, in.getLong(start + HEADER_LENGTH + ACK_COLLECTED_OFFSET));
            in.position(start + length);
        }
    }

    /**
     * Waits until the socket is readable (an ACK or the end of the stream), or also writable when
     * {@code extraOps} asks for it, or the deadline passes, then reads the acks that came. Returns
     * false when the deadline has passed; the caller re-checks its condition either way.
     */
    private boolean await(int extraOps, Deadline deadline) throws IOException {
        long remaining = deadline.remainingNanos();
        if (remaining == 0) {
            return false;
        }
        int ops = SelectionKey.OP_READ | extraOps;
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
        selector.select(deadline.isNever() ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining + 999_999)));
        selector.selectedKeys().clear();
        readAcks(); // readable means acks or the end of the stream: take them, or select spins
        return true;
    }

    @Override
    public Mode mode() {
        return mode;
    }

    @Override
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** Closes the connection; a frame the socket has not fully taken is lost, and the receiver discards it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (out.hasRemaining() && !peerGone) {
                channel.write(out); // one last non-blocking try
            }
        } catch (IOException e) {
            // the receiver is gone; nothing to finish
        }
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            // released either way
        }
    }
}
