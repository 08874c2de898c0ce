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
import org.ipcspec.channel.MessageSource;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;
import org.ipcspec.channel.support.Backoff;
import org.ipcspec.channel.support.Deadline;
import org.ipcspec.channel.support.ReceiverLock;

/**
 * The sending end: owns one slot of the sender table. The hot path of an asynchronous send (read
 * the state, compare the cached counts, take the lock, claim, copy, publish, unlock) allocates
 * nothing and makes no system call; the receiver's liveness is probed only while waiting. Inside
 * a batch ({@link #sendMore}) the lock is taken once per {@link #HOLD_RECORDS} records, and the
 * slot says More so that the receiver may count the batch's collections in a window.
 */
final class ShmSender implements Sender {

    /** How long one attempt waits for the writer lock before reporting the channel busy (FULL). */
    static final long LOCK_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** How often a waiting writer checks whether the lock holder died. */
    static final long STEAL_PROBE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** How often a waiting sender probes the receiver lock: bounds how late it learns of a crash. */
    static final long RECEIVER_PROBE_NANOS = TimeUnit.MILLISECONDS.toNanos(25);
    /**
     * Records a batch ({@link #sendMore}) writes under one taking of the writer lock before it
     * lets other writers in: one compare-and-set and one release per this many records, not per
     * record. Each record is still published by its own tail store.
     */
    static final int HOLD_RECORDS = 64;

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
    /** This sender holds the writer lock between the sends of a batch. */
    private boolean holding;
    private int heldRecords;
    /** The slot's More as this sender last stored it: inside a batch. */
    private boolean more;
    /** The slot's Sent as this sender last stored it. */
    private long publishedSent;

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
        // A plain send closes a batch: its record, and the batch's before it, are counted at once.
        setMore(false);
        if (mode == Mode.ASYNC) {
            SendStatus status = tryWrite(message, length, false);
            return status == SendStatus.FULL && receiverGone() ? SendStatus.CLOSED : status;
        }
        return sendSync(message, length, timeoutNanos);
    }

    /**
     * Asynchronous and inside a batch: as {@link #send}, but the writer lock stays taken for up
     * to {@link #HOLD_RECORDS} records (until the batch's closing send, a full or closed channel,
     * or close). A sender that dies holding it is robbed of it as before.
     */
    @Override
    public SendStatus sendMore(ByteBuffer message, long timeoutNanos) {
        if (mode != Mode.ASYNC) {
            return send(message, timeoutNanos);
        }
        if (closed) {
            return SendStatus.CLOSED;
        }
        int length = message.remaining();
        if (length > maxMessageBytes) {
            releaseHeldLock();
            return SendStatus.TOO_LARGE;
        }
        setMore(true);
        SendStatus status = tryWrite(message, length, true);
        return status == SendStatus.FULL && receiverGone() ? SendStatus.CLOSED : status;
    }

    /**
     * A run: the room left under the capacity is worked out once, the writer lock taken once,
     * and the records published by one tail store (RingWriter.writeRun).
     */
    @Override
    public int sendRun(MessageSource source, int size, int count) {
        if (mode != Mode.ASYNC || closed || size > maxMessageBytes || count <= 0) {
            return 0;
        }
        if (buffer.getIntAcquire(STATE_OFFSET) != STATE_OPEN) {
            releaseHeldLock();
            return 0;
        }
        setMore(true);
        int room = capacity - ((int) sent - collected);
        if (room < count) {
            publishSent();
            refreshCollectedAcquire();
            room = capacity - ((int) sent - collected);
        }
        int n = Math.min(count, room);
        if (n <= 0) {
            releaseHeldLock();
            return 0;
        }
        if (!holding && !lockWriter()) {
            return 0;
        }
        holding = true;
        int written;
        try {
            written = writer.writeRun(slot, incarnation, source, size, n);
        } finally {
            releaseHeldLock();
        }
        sent += written;
        return written;
    }

    /** Stores the slot's More when it changes, before the next record is published (release). */
    private void setMore(boolean inBatch) {
        if (more != inBatch) {
            more = inBatch;
            senders.putMoreRelease(slot, inBatch);
        }
    }

    private void releaseHeldLock() {
        if (holding) {
            holding = false;
            writer.unlockWriterRelease();
        }
    }

    /** Waits for room, writes, then waits until the receiver's collected count covers the message. */
    private SendStatus sendSync(ByteBuffer message, int length, long timeoutNanos) {
        Deadline deadline = Deadline.after(timeoutNanos);
        waitBackoff.reset();
        SendStatus written;
        while ((written = tryWrite(message, length, false)) != SendStatus.OK) {
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

    /**
     * One attempt: OK (published), FULL (per-sender capacity, ring room or lock unavailable),
     * CLOSED. With {@code keepLock} the writer lock stays taken after an OK (a batch goes on),
     * for at most {@link #HOLD_RECORDS} records; every other outcome releases it.
     */
    private SendStatus tryWrite(ByteBuffer message, int length, boolean keepLock) {
        if (buffer.getIntAcquire(STATE_OFFSET) != STATE_OPEN) {
            releaseHeldLock();
            return SendStatus.CLOSED;
        }
        if ((int) sent - collected >= capacity) {
            publishSent();
            refreshCollectedAcquire();
            if ((int) sent - collected >= capacity) {
                releaseHeldLock();
                return SendStatus.FULL;
            }
        }
        if (!holding) {
            if (!lockWriter()) {
                return buffer.getIntAcquire(STATE_OFFSET) != STATE_OPEN ? SendStatus.CLOSED : SendStatus.FULL;
            }
            holding = true;
            heldRecords = 0;
        }
        boolean published = false;
        try {
            int at = writer.claim(slot, incarnation, length);
            if (at == RingWriter.INSUFFICIENT_CAPACITY) {
                return SendStatus.FULL;
            }
            writer.putPayload(at, message, message.position(), length);
            writer.publishRelease();
            published = true;
        } finally {
            if (!published || !keepLock || ++heldRecords >= HOLD_RECORDS) {
                releaseHeldLock();
            }
        }
        // The slot's Sent is stored only when this sender waits (publishSent): storing it at every
        // message put the slot's cache line, which the receiver updates at every collection, in a
        // tug of war between the two cores. No reader relies on it (docs/wire-formats.md).
        sent++;
        return SendStatus.OK;
    }

    /**
     * Stores the slot's Sent (release) when waiting or full, and at close, not per message; and
     * only when it changed: a sender at capacity retries every few hundred nanoseconds, and a
     * store per retry would take the slot's cache line from the receiver each time.
     */
    private void publishSent() {
        if (sent != publishedSent) {
            senders.putSentRelease(slot, sent);
            publishedSent = sent;
        }
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
        releaseHeldLock();
        setMore(false);
        publishSent();
        senders.release(slot, ProcessLiveness.CURRENT_PID);
    }
}
