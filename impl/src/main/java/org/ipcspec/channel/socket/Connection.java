package org.ipcspec.channel.socket;

import static org.ipcspec.channel.socket.FrameDescriptor.ACK_FRAME_LENGTH;
import static org.ipcspec.channel.socket.FrameDescriptor.TYPE_ACK;
import static org.ipcspec.channel.socket.FrameDescriptor.putHeader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * The receiver's side of one sender's connection, used only by the receiving thread. Bytes read
 * from the socket wait in {@link #in} (kept in read mode: position is the next frame, limit the
 * end of what was read) until a receive collects them; several frames arrive per read.
 */
final class Connection {

    /** Large enough for many small frames per read; always at least one whole frame. */
    static final int MIN_READ_BUFFER = 256 * 1024;

    final SocketChannel channel;
    final SelectionKey key;
    final int senderId;
    final ByteBuffer in;
    /** One ACK frame, in write mode until built and flipped; remaining bytes are a pending ack. */
    private final ByteBuffer ackOut = ByteBuffer.allocateDirect(ACK_FRAME_LENGTH).limit(0);
    /**
     * Collections of MORE frames that may wait for one ACK: a quarter of the sender's capacity
     * (0, so every frame is acknowledged, below a capacity of 4), so the sender keeps three
     * quarters of its window while acks are deferred.
     */
    private final int ackWindow;
    /** MESSAGE frames of this connection collected so far, and the count last put in an ACK. */
    private long collected;
    private long acknowledged;
    /** The sender closed (or died): deliver the complete frames left, then drop the connection. */
    boolean eof;
    /** The sender cannot be written to any more; acks are pointless. */
    private boolean writeBroken;

    Connection(SocketChannel channel, SelectionKey key, int senderId, int frameCapacity, int capacity) {
        this.ackWindow = capacity / 4;
        this.channel = channel;
        this.key = key;
        this.senderId = senderId;
        this.in = ByteBuffer.allocateDirect(Math.max(MIN_READ_BUFFER, frameCapacity)).limit(0);
    }

    /** Reads what the socket has into {@link #in}; marks {@link #eof} on end of stream or a reset. */
    void read() {
        in.compact();
        try {
            if (channel.read(in) < 0) {
                eof = true;
            }
        } catch (IOException e) {
            eof = true; // a reset: the sender is gone; what was read before still counts
        } finally {
            in.flip();
        }
        if (eof && key.isValid()) {
            key.interestOps(0); // an ended stream stays readable forever; stop selecting it
        }
    }

    /**
     * Counts one more collected message and tells the sender before the receive returns, unless
     * the frame was flagged MORE (its sender's batch goes on at once) and fewer than
     * {@link #ackWindow} collections wait for an ACK: those are acknowledged together, by the
     * collection that reaches the window, by the batch's last frame, or when the receiver has no
     * complete frame left ({@code SocketReceiver}), so a sender never waits on a deferred ACK.
     */
    void collected(byte flags) {
        collected++;
        if ((flags & FrameDescriptor.FLAG_MORE) == 0 || collected - acknowledged >= ackWindow) {
            flushAck();
        }
    }

    /**
     * Writes an ACK with the current collected count, finishing a partly written one first. A
     * socket that cannot take it now keeps it pending (with write interest) and the next receive
     * or selection retries; acks are cumulative, so only the newest count matters.
     */
    void flushAck() {
        if (writeBroken) {
            return;
        }
        try {
            while (true) {
                if (ackOut.hasRemaining()) {
                    channel.write(ackOut);
                    if (ackOut.hasRemaining()) {
                        setWriteInterest(true);
                        return;
                    }
                }
                if (acknowledged == collected) {
                    setWriteInterest(false);
                    return;
                }
                ackOut.clear();
                putHeader(ackOut, FrameDescriptor.ACK_BODY_LENGTH, TYPE_ACK, (byte) 0);
                ackOut.putLong(collected).flip();
                acknowledged = collected;
            }
        } catch (IOException e) {
            writeBroken = true; // the sender went away; its complete frames are still delivered
            setWriteInterest(false);
        }
    }

    boolean ackPending() {
        return !writeBroken && (ackOut.hasRemaining() || acknowledged != collected);
    }

    private void setWriteInterest(boolean on) {
        if (!key.isValid() || eof) {
            return;
        }
        int ops = on ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    void close() {
        key.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            // closing drops the connection either way
        }
    }
}
