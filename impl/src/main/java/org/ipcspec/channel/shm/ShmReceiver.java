package org.ipcspec.channel.shm;

import static org.ipcspec.channel.shm.ShmFileDescriptor.STATE_CLOSED;
import static org.ipcspec.channel.shm.ShmFileDescriptor.STATE_OFFSET;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ipcspec.channel.ChannelException;
import org.ipcspec.channel.MessageSink;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.support.Backoff;
import org.ipcspec.channel.support.Deadline;
import org.ipcspec.channel.support.ReceiverLock;

/** The receiving end: owns the channel file and the receiver lock. */
final class ShmReceiver implements Receiver {

    private final Path address;
    private final ReceiverLock lock;
    private final SharedBuffer buffer;
    private final RingReader reader;
    private final Mode mode;
    private final int capacity;
    private final int maxMessageBytes;
    private final String contentType;
    private final Backoff backoff = new Backoff();
    private boolean closed;

    ShmReceiver(Path address, ReceiverLock lock, SharedBuffer buffer, Mode mode, int capacity, int maxMessageBytes,
                String contentType) {
        this.address = address;
        this.lock = lock;
        this.buffer = buffer;
        this.mode = mode;
        this.capacity = capacity;
        this.maxMessageBytes = maxMessageBytes;
        this.contentType = contentType;
        this.reader = new RingReader(buffer, new SenderTable(buffer), buffer.getInt(ShmFileDescriptor.RING_SIZE_OFFSET),
                maxMessageBytes);
    }

    @Override
    public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
        return receive(into, timeoutNanos, null);
    }

    @Override
    public ReceiveStatus receiveBefore(ByteBuffer into, Deadline deadline) {
        return receive(into, 0, deadline);
    }

    /** With {@code given}, until it; else within {@code timeoutNanos}, whose deadline is taken only to wait. */
    private ReceiveStatus receive(ByteBuffer into, long timeoutNanos, Deadline given) {
        if (closed) {
            return ReceiveStatus.CLOSED;
        }
        if (into.capacity() < maxMessageBytes) {
            throw new IllegalArgumentException("receive buffer smaller than max_message_bytes: capacity="
                    + into.capacity() + " maxMessageBytes=" + maxMessageBytes);
        }
        if (tryRead(into)) {
            return ReceiveStatus.MESSAGE;
        }
        if (mode == Mode.ASYNC) {
            return ReceiveStatus.EMPTY;
        }
        Deadline deadline = given != null ? given : Deadline.after(timeoutNanos);
        backoff.reset();
        while (!deadline.expired()) {
            backoff.idle();
            if (tryRead(into)) {
                return ReceiveStatus.MESSAGE;
            }
        }
        return ReceiveStatus.TIMEOUT;
    }

    private boolean tryRead(ByteBuffer into) {
        return reader.read(into) != RingReader.NOTHING;
    }

    @Override
    public int receiveReady(ByteBuffer into, MessageSink sink, int max) {
        if (closed || max <= 0) {
            return 0;
        }
        return reader.readRun(into, sink, max);
    }

    @Override
    public Mode mode() {
        return mode;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    @Override
    public String contentType() {
        return contentType;
    }

    /** CLOSED first (senders' sends end CLOSED), then unlink the file, then drop the lock. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Counted before CLOSED: a synchronous sender that sees CLOSED checks its message's count once more.
        reader.flushCollected();
        buffer.putIntRelease(STATE_OFFSET, STATE_CLOSED);
        try {
            Files.deleteIfExists(address);
        } catch (IOException e) {
            throw new ChannelException("cannot remove shm channel file: address=" + address, e);
        } finally {
            lock.close();
        }
    }
}
