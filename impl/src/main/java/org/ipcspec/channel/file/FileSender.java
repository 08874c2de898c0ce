package org.ipcspec.channel.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

import org.ipcspec.channel.ChannelException;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.SendStatus;
import org.ipcspec.channel.Sender;
import org.ipcspec.channel.support.Backoff;
import org.ipcspec.channel.support.Deadline;
import org.ipcspec.channel.support.OwnerOnly;
import org.ipcspec.channel.support.ReceiverLock;

/**
 * The sending end of a spool directory. Sending one message, in order:
 * <ol>
 *   <li>refuse a message over the limit ({@code TOO_LARGE}) and a receiver incarnation that is no
 *       longer alive ({@code CLOSED}, probed on its liveness lock at every sync send and at most
 *       every {@link #PROBE_INTERVAL_NANOS} by async sends);</li>
 *   <li>check for room: this sender's uncollected files are a suffix of the ones it sent (FIFO), so
 *       it keeps the names of its last {@code capacity} files and the room question is whether the
 *       oldest of them is still in {@code new/} (an async send returns {@code FULL}, a sync send
 *       waits);</li>
 *   <li>create {@code tmp/NAME} (owner-only, exclusive), write header and payload; if the system
 *       refuses (a full disk), delete it and report the failure ({@code error}, nothing sent);</li>
 *   <li>sync send only: fsync the file;</li>
 *   <li>rename it to {@code new/NAME}: the message is in the channel, complete, from this instant;</li>
 *   <li>sync send only: fsync {@code new/}, then wait until {@code new/NAME} is gone (the receiver
 *       renamed it into {@code cur/}), probing the receiver's liveness every
 *       {@link #PROBE_INTERVAL_NANOS} while waiting.</li>
 * </ol>
 *
 * <p>Durability: a synchronous send is durable against power loss once its rename happened (file and
 * directory fsynced). An asynchronous send does not fsync: it is durable against the crash of any
 * process (the page cache survives it), which is what D1 asks, while a power loss may lose recent
 * asynchronous messages, though never tear one into something delivered (the CRC catches it). The
 * fsync-and-rename of a small file costs about 290 us on the reference machine's ext4, which would
 * cap asynchronous throughput near 3,400 msg/s, below the 5,000 msg/s target.
 */
final class FileSender implements Sender {

    /**
     * How often a blocked send checks that its receiver still lives, and how often async sends
     * do; bounds the crash detection delay.
     */
    static final long PROBE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final SpoolLayout layout;
    private final Path liveFile;
    private final Mode mode;
    private final int capacity;
    private final int maxMessageBytes;
    private final int senderId;
    private final String senderKey;
    /** Names of this sender's files not yet known to be collected, oldest first; at most {@code capacity}. */
    private final ArrayDeque<String> uncollected = new ArrayDeque<>();
    private final ByteBuffer header = ByteBuffer.allocate(MessageDescriptor.HEADER_LENGTH);
    private final ByteBuffer[] parts = new ByteBuffer[2];
    private final CRC32C crc = new CRC32C();
    private long counter;
    private long lastMicros;
    /** When an async send next probes the receiver's liveness; a first send always probes. */
    private long nextAsyncProbe = System.nanoTime();
    private boolean closed;

    FileSender(SpoolLayout layout, long incarnation, Mode mode, int capacity, int maxMessageBytes, int senderId,
               long nonce) {
        this.layout = layout;
        this.liveFile = layout.live(incarnation);
        this.mode = mode;
        this.capacity = capacity;
        this.maxMessageBytes = maxMessageBytes;
        this.senderId = senderId;
        this.senderKey = MessageName.senderKey(senderId, nonce);
    }

    @Override
    public SendStatus send(ByteBuffer message, long timeoutNanos) {
        if (closed) {
            return SendStatus.CLOSED;
        }
        if (message.remaining() > maxMessageBytes) {
            return SendStatus.TOO_LARGE;
        }
        Deadline deadline = mode == Mode.SYNC ? Deadline.after(timeoutNanos) : null;
        try {
            if (!receiverAliveProbedFor(mode)) {
                return SendStatus.CLOSED;
            }
            if (!hasRoom()) {
                if (mode == Mode.ASYNC) {
                    return SendStatus.FULL;
                }
                SendStatus waited = await(this::hasRoom, deadline);
                if (waited != SendStatus.OK) {
                    return waited;
                }
            }
            String name = write(message, mode == Mode.SYNC);
            if (name == null) {
                return receiverAlive() ? fail("message file vanished before its rename", null) : SendStatus.CLOSED;
            }
            uncollected.addLast(name);
            if (mode == Mode.ASYNC) {
                return SendStatus.OK;
            }
            Path queued = layout.queue().resolve(name);
            SendStatus status = await(() -> !Files.exists(queued, LinkOption.NOFOLLOW_LINKS), deadline);
            if (status == SendStatus.OK) {
                uncollected.clear(); // FIFO: everything this sender sent before is collected too
            }
            return status;
        } catch (IOException e) {
            return fail("file send failed", e);
        }
    }

    private SendStatus fail(String what, IOException e) {
        throw new ChannelException(what + ": address=" + layout.address() + " sender_key=" + senderKey
                + (e == null ? "" : " cause=" + e), e);
    }

    private boolean hasRoom() throws IOException {
        if (uncollected.size() < capacity) {
            return true;
        }
        if (Files.exists(layout.queue().resolve(uncollected.peekFirst()), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        uncollected.pollFirst();
        return true;
    }

    /** Writes the message file and renames it into new/; null if tmp/ lost it (a new receiver cleaned up). */
    private String write(ByteBuffer message, boolean durable) throws IOException {
        long now = nowMicros();
        lastMicros = Math.max(lastMicros, now);
        String name = MessageName.format(lastMicros, senderKey, counter + 1);
        Path tmp = layout.tmp().resolve(name);
        MessageDescriptor.encodeHeader(header, senderId, message, crc);
        parts[0] = header;
        parts[1] = message.duplicate();
        try (FileChannel file = OwnerOnly.createNew(tmp)) {
            while (parts[1].hasRemaining() || header.hasRemaining()) {
                file.write(parts);
            }
            if (durable) {
                file.force(true);
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw discarding(tmp, e);
        } finally {
            parts[1] = null;
        }
        try {
            Files.move(tmp, layout.queue().resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw discarding(tmp, e);
        }
        counter++;
        if (durable) {
            try (FileChannel dir = FileChannel.open(layout.queue(), StandardOpenOption.READ)) {
                dir.force(true);
            }
        }
        return name;
    }

    /**
     * A write the operating system refused (a full disk: ENOSPC) leaves no message, so it leaves no
     * file either: a partial one in tmp/ would hold the space it took until the next receiver's
     * clean-up, and a sender retrying on a full disk would fill it with such files.
     */
    private static IOException discarding(Path tmp, IOException cause) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
        return cause;
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private interface Condition {
        boolean holds() throws IOException;
    }

    /** OK once {@code condition} holds; TIMEOUT at the deadline; CLOSED when the receiver is gone. */
    private SendStatus await(Condition condition, Deadline deadline) throws IOException {
        Backoff backoff = new Backoff();
        long nextProbe = System.nanoTime() + PROBE_INTERVAL_NANOS;
        while (true) {
            if (condition.holds()) {
                return SendStatus.OK;
            }
            if (deadline.expired()) {
                return SendStatus.TIMEOUT;
            }
            if (System.nanoTime() - nextProbe >= 0) {
                if (!receiverAlive()) {
                    return SendStatus.CLOSED;
                }
                nextProbe = System.nanoTime() + PROBE_INTERVAL_NANOS;
            }
            backoff.idle();
        }
    }

    /**
     * The liveness check at the start of a send. A sync send probes every time; an async send at
     * most every {@link #PROBE_INTERVAL_NANOS}: the probe (open, two fcntl locks, close) cost more
     * system calls than writing the message, and an async send that the probe skipped is still
     * safe, since a message in new/ waits for the next receiver (D1). So an async send learns of
     * the receiver's death or close at most that much later.
     */
    private boolean receiverAliveProbedFor(Mode sendMode) throws IOException {
        if (sendMode == Mode.ASYNC && !closed && System.nanoTime() - nextAsyncProbe < 0) {
            return true;
        }
        nextAsyncProbe = System.nanoTime() + PROBE_INTERVAL_NANOS;
        return receiverAlive();
    }

    /** Probes the liveness lock of the incarnation this sender attached to; once it is gone, CLOSED sticks. */
    private boolean receiverAlive() throws IOException {
        if (!closed && !ReceiverLock.isHeld(liveFile)) {
            closed = true;
        }
        return !closed;
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
        closed = true;
    }
}
