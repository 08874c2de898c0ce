package org.ipcspec.channel.shm;

import static org.ipcspec.channel.shm.SenderSlotDescriptor.collectedCount;
import static org.ipcspec.channel.shm.SenderSlotDescriptor.incarnation;
import static org.ipcspec.channel.shm.ShmFileDescriptor.STATE_OFFSET;
import static org.ipcspec.channel.shm.ShmFileDescriptor.STATE_OPEN;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.ipcspec.channel.ChannelException;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;
import org.ipcspec.channel.support.Backoff;
import org.ipcspec.channel.support.Deadline;
import org.ipcspec.channel.support.ReceiverLock;

/**
 * The sending end: owns one slot of the sender table. The hot path of an asynchronous send (read
 * the state, compare the cached counts, take the lock, claim, copy, publish, unlock) allocates
 * nothing and makes no system call; the receiver's liveness is probed only while waiting.
 */
final class ShmSender implements Sender {

    /** How long one attempt waits for the writer lock before reporting the channel busy (FULL). */
    static final long LOCK_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** How often a waiting writer checks whether the lock holder died. */
    static final long STEAL_PROBE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** How often a waiting sender probes the receiver lock: bounds how late it learns of a crash. */
    static final long RECEIVER_PROBE_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private final Path lockFile;
    private final SharedBuffer buffer;
    private final SenderTable senders;
    private final RingWriter writer;
    private final int slot;
    private final int incarnation;
    private final int capacity;
    private final int maxMessageBytes;
    private final Mode mode;
    private final Backoff lockBackoff = new Backoff();
    private final Backoff waitBackoff = new Backoff();
    /** Messages this incarnation published; the slot's Sent is a lower bound of it ({@link #publishSent}). */
    private long sent;
    /** The slot's collected count when last read: a lower bound. */
    private int collected;
    private long nextReceiverProbe = System.nanoTime();
    private boolean closed;

    ShmSender(Path lockFile, SharedBuffer buffer, int slot, Mode mode, int maxMessageBytes) {
        this.lockFile = lockFile;
        this.buffer = buffer;
        this.senders = new SenderTable(buffer);
        this.writer = new RingWriter(buffer, buffer.getInt(ShmFileDescriptor.RING_SIZE_OFFSET), ProcessLiveness.CURRENT_PID);
        this.slot = slot;
        this.incarnation = incarnation(senders.collectedWordAcquire(slot));
        this.capacity = buffer.getInt(ShmFileDescriptor.CAPACITY_OFFSET);
        this.maxMessageBytes = maxMessageBytes;
        this.mode = mode;
    }

    @Override
    public SendStatus send(ByteBuffer message, long timeoutNanos) {
        if (closed) {
            return SendStatus.CLOSED;
        }
        int length = message.remaining();
        if (length > maxMessageBytes) {
            return SendStatus.TOO_LARGE;
        }
        if (mode == Mode.ASYNC) {
            SendStatus status = tryWrite(message, length);
            return status == SendStatus.FULL && receiverGone() ? SendStatus.CLOSED : status;
        }
        return sendSync(message, length, timeoutNanos);
    }

    /** Waits for room, writes, then waits until the receiver's collected count covers the message. */
    private SendStatus sendSync(ByteBuffer message, int length, long timeoutNanos) {
        Deadline deadline = Deadline.after(timeoutNanos);
        waitBackoff.reset();
        SendStatus written;
        while ((written = tryWrite(message, length)) != SendStatus.OK) {
            if (written == SendStatus.CLOSED || receiverGone()) {
                return SendStatus.CLOSED;
            }
            if (deadline.expired()) {
                return SendStatus.TIMEOUT;
            }
            waitBackoff.idle();
        }
        int target = (int) sent;
        publishSent();
        waitBackoff.reset();
        while (true) {
            if (isCollected(target)) {
                return SendStatus.OK;
            }
            if (slotLost()) {
                return SendStatus.CLOSED;
            }
            if (receiverGone()) {
                // The receiver may have collected it just before closing.
                return isCollected(target) ? SendStatus.OK : SendStatus.CLOSED;
            }
            if (deadline.expired()) {
                return SendStatus.TIMEOUT;
            }
            waitBackoff.idle();
        }
    }

    /** One attempt: OK (published), FULL (per-sender capacity, ring room or lock unavailable), CLOSED. */
    private SendStatus tryWrite(ByteBuffer message, int length) {
        if (buffer.getIntAcquire(STATE_OFFSET) != STATE_OPEN) {
            return SendStatus.CLOSED;
        }
        if ((int) sent - collected >= capacity) {
            publishSent();
            refreshCollectedAcquire();
            if ((int) sent - collected >= capacity) {
                return SendStatus.FULL;
            }
        }
        if (!lockWriter()) {
            return buffer.getIntAcquire(STATE_OFFSET) != STATE_OPEN ? SendStatus.CLOSED : SendStatus.FULL;
        }
        try {
            int at = writer.claim(slot, incarnation, length);
            if (at == RingWriter.INSUFFICIENT_CAPACITY) {
                return SendStatus.FULL;
            }
            writer.putPayload(at, message, message.position(), length);
            writer.publishRelease();
        } finally {
            writer.unlockWriterRelease();
        }
        // The slot's Sent is stored only when this sender waits (publishSent): storing it at every
        // message put the slot's cache line, which the receiver updates at every collection, in a
        // tug of war between the two cores. No reader relies on it (docs/wire-formats.md).
        sent++;
        return SendStatus.OK;
    }

    /** Stores the slot's Sent (release): when waiting or full, and at close, not per message. */
    private void publishSent() {
        senders.putSentRelease(slot, sent);
    }

    private boolean lockWriter() {
        if (writer.tryLockWriter()) {
            return true;
        }
        long start = System.nanoTime();
        long nextStealProbe = start + STEAL_PROBE_NANOS;
        lockBackoff.reset();
        while (true) {
            lockBackoff.idle();
            if (writer.tryLockWriter()) {
                return true;
            }
            long now = System.nanoTime();
            if (now - nextStealProbe >= 0) {
                if (writer.tryStealWriterLockFromDeadHolder()) {
                    return true;
                }
                nextStealProbe = now + STEAL_PROBE_NANOS;
            }
            if (now - start > LOCK_WAIT_NANOS) {
                return false;
            }
        }
    }

    private boolean isCollected(int target) {
        refreshCollectedAcquire();
        return collected - target >= 0;
    }

    private void refreshCollectedAcquire() {
        long word = senders.collectedWordAcquire(slot);
        if (incarnation(word) == incarnation) {
            collected = collectedCount(word);
        }
    }

    /** Our slot went to another sender: only if this process was taken for dead (PID reuse). */
    private boolean slotLost() {
        return incarnation(senders.collectedWordAcquire(slot)) != incarnation;
    }

    /**
     * True when the channel is no longer OPEN, or (probed at most every
     * {@link #RECEIVER_PROBE_NANOS}) no process holds the receiver lock: the receiver died.
     */
    private boolean receiverGone() {
        if (buffer.getIntAcquire(STATE_OFFSET) != STATE_OPEN) {
            return true;
        }
        long now = System.nanoTime();
        if (now - nextReceiverProbe < 0) {
            return false;
        }
        nextReceiverProbe = now + RECEIVER_PROBE_NANOS;
        try {
            return !ReceiverLock.isHeld(lockFile);
        } catch (IOException e) {
            throw new ChannelException("cannot probe the receiver lock: lockFile=" + lockFile, e);
        }
    }

    @Override
    public Mode mode() {
        return mode;
    }

    @Override
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        publishSent();
        senders.release(slot, ProcessLiveness.CURRENT_PID);
    }
}
