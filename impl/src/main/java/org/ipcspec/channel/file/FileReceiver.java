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
import java.util.ArrayDeque;
import java.util.zip.CRC32C;

import org.ipcspec.channel.ChannelException;
import org.ipcspec.channel.Mode;
import org.ipcspec.channel.ReceiveStatus;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.support.Backoff;
import org.ipcspec.channel.support.Deadline;
import org.ipcspec.channel.support.ReceiverLock;

/**
 * The receiving end of a spool directory. Collecting one message, in order:
 * <ol>
 *   <li>take the next name from a sorted listing of {@code new/} (see {@link QueueListing}; the
 *       directory is listed again only when the previous listing is used up);</li>
 *   <li>rename {@code new/NAME} to {@code cur/NAME}: the commit point of collection. From here on the
 *       message counts as collected for its sender (a synchronous send returns OK, a full sender
 *       has room again);</li>
 *   <li>read {@code cur/NAME} and verify it ({@link MessageDescriptor}); a file that fails is moved
 *       to {@code bad/} and never delivered;</li>
 *   <li>delete {@code cur/NAME}, then return the payload.</li>
 * </ol>
 * A file left in {@code cur/} was therefore never returned to anyone; the next receiver moves it
 * back to {@code new/} and delivers it.
 */
final class FileReceiver implements Receiver {

    private final SpoolLayout layout;
    private final ReceiverLock ownership;
    private final ReceiverLock live;
    private final Mode mode;
    private final int capacity;
    private final int maxMessageBytes;
    private final String contentType;
    private final ArrayDeque<String> listing = new ArrayDeque<>();
    private final ByteBuffer scratch;
    private final CRC32C crc = new CRC32C();
    private boolean closed;

    FileReceiver(SpoolLayout layout, ReceiverLock ownership, ReceiverLock live, Mode mode, int capacity,
                 int maxMessageBytes, String contentType) {
        this.layout = layout;
        this.ownership = ownership;
        this.live = live;
        this.mode = mode;
        this.capacity = capacity;
        this.maxMessageBytes = maxMessageBytes;
        this.contentType = contentType;
        this.scratch = ByteBuffer.allocate(MessageDescriptor.HEADER_LENGTH + maxMessageBytes);
    }

    @Override
    public ReceiveStatus receive(ByteBuffer into, long timeoutNanos) {
        if (closed) {
            return ReceiveStatus.CLOSED;
        }
        if (into.capacity() < maxMessageBytes) {
            throw new IllegalArgumentException("buffer smaller than max_message_bytes: capacity=" + into.capacity()
                    + " max_message_bytes=" + maxMessageBytes);
        }
        Deadline deadline = mode == Mode.SYNC ? Deadline.after(timeoutNanos) : null;
        Backoff backoff = new Backoff();
        try {
            while (true) {
                if (collectNext(into)) {
                    return ReceiveStatus.MESSAGE;
                }
                if (mode == Mode.ASYNC) {
                    return ReceiveStatus.EMPTY;
                }
                if (deadline.expired()) {
                    return ReceiveStatus.TIMEOUT;
                }
                backoff.idle();
            }
        } catch (IOException e) {
            throw new ChannelException("file receive failed: address=" + layout.address() + " cause=" + e, e);
        }
    }

    private boolean collectNext(ByteBuffer into) throws IOException {
        while (true) {
            if (listing.isEmpty()) {
                listing.addAll(QueueListing.list(layout.queue()));
                if (listing.isEmpty()) {
                    return false;
                }
            }
            String name = listing.pollFirst();
            Path collected = layout.cur().resolve(name);
            try {
                Files.move(layout.queue().resolve(name), collected, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                continue; // gone since the listing; only a misbehaving second party removes files from new/
            }
            if (readIntact(collected, into)) {
                Files.delete(collected);
                return true;
            }
            Files.move(collected, layout.bad().resolve(name), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Reads {@code file} into {@code into} if it is an intact message; false (into untouched) if not. */
    private boolean readIntact(Path file, ByteBuffer into) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            if (Files.isSymbolicLink(file)) {
                return false;
            }
            throw e;
        }
        try (channel) {
            long size = channel.size();
            if (size > scratch.capacity()) {
                return false;
            }
            scratch.clear().limit((int) size);
            while (scratch.hasRemaining() && channel.read(scratch) >= 0) {
                // read until full or end of file
            }
            scratch.flip();
        }
        if (MessageDescriptor.whyNotIntact(scratch, maxMessageBytes, crc) != null) {
            return false;
        }
        into.clear();
        into.put(scratch.position(MessageDescriptor.HEADER_LENGTH));
        into.flip();
        return true;
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

    /**
     * Releases the liveness lock (senders' next probe sees CLOSED), deletes its file, then releases
     * ownership. Messages stay in {@code new/} for the next receiver.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        live.close();
        try {
            Files.deleteIfExists(live.path());
        } catch (IOException e) {
            // A leftover liveness file is harmless: nobody holds it, and the next receiver removes it.
        } finally {
            ownership.close();
        }
    }
}
