package org.ipcspec.channel.shm;

import static org.ipcspec.channel.shm.ShmFileDescriptor.CONTENT_TYPE_LENGTH_OFFSET;
import static org.ipcspec.channel.shm.ShmFileDescriptor.CONTENT_TYPE_OFFSET;
import static org.ipcspec.channel.shm.ShmFileDescriptor.MAX_MESSAGE_BYTES_OFFSET;
import static org.ipcspec.channel.shm.ShmFileDescriptor.RECEIVER_PID_OFFSET;
import static org.ipcspec.channel.shm.ShmFileDescriptor.STATE_OFFSET;
import static org.ipcspec.channel.shm.ShmFileDescriptor.STATE_OPEN;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.ipcspec.channel.ChannelException;
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
 * Shared memory: a ring buffer in a memory-mapped file at the address, created by the receiver,
 * with a sender table for per-sender capacity. The layout is in {@link ShmFileDescriptor},
 * {@link RecordDescriptor} and {@link SenderSlotDescriptor}, and in {@code docs/wire-formats.md (shm)}.
 */
public final class ShmTransport implements Transport {

    @Override
    public String name() {
        return "shm";
    }

    /**
     * Takes the receiver lock ({@code BUSY} if a live receiver has it), marks a dead receiver's
     * leftover file DEAD, and puts a fresh file in its place.
     */
    @Override
    public Opened<Receiver> openReceiver(ChannelSpec spec) {
        Path address = spec.address();
        try {
            OwnerOnly.requireNotLink(address);
            ReceiverLock lock = ReceiverLock.tryAcquire(ShmChannelFile.lockFileOf(address));
            if (lock == null) {
                return Opened.refused(OpenStatus.BUSY, "a live receiver owns the channel: address=" + address);
            }
            try {
                ShmChannelFile.retireLeftover(address);
                SharedBuffer buffer = ShmChannelFile.create(address, spec.capacity(), spec.maxMessageBytes(),
                        spec.contentType());
                return Opened.ok(new ShmReceiver(address, lock, buffer, spec.mode(), spec.capacity(),
                        spec.maxMessageBytes(), spec.contentType()));
            } catch (IOException | RuntimeException e) {
                lock.close();
                throw e;
            }
        } catch (IOException e) {
            return Opened.refused(OpenStatus.IO, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /**
     * Waits up to the open timeout for a file in state OPEN whose receiver is alive (its process
     * exists and the receiver lock is held), then checks the content type and claims a slot. What
     * is wrong with the file at the address (not a regular file, another version, a bad header)
     * is an {@code io} refusal with a message, never an exception.
     */
    @Override
    public Opened<Sender> openSender(ChannelSpec spec) {
        Path address = spec.address();
        Path lockFile = ShmChannelFile.lockFileOf(address);
        Deadline deadline = Deadline.after(spec.openTimeout().toNanos());
        Backoff backoff = new Backoff();
        ChannelFileWatch watch = new ChannelFileWatch(address);
        try {
            while (true) {
                OwnerOnly.requireNotLink(address);
                BasicFileAttributes attributes = watch.look();
                SharedBuffer mapped = attributes == null ? null : watch.mapping(attributes);
                if (mapped != null && isLive(mapped, lockFile)) {
                    return attach(spec, lockFile, mapped);
                }
                if (deadline.expired()) {
                    return Opened.refused(OpenStatus.NOT_FOUND, "no live shm receiver within "
                            + spec.openTimeout().toMillis() + " ms: address=" + address);
                }
                backoff.idle();
            }
        } catch (IOException | ChannelException e) {
            // A ChannelException here is a file that is not a compatible channel file (another
            // version, a bad header): refused with io and the check's message, like an I/O failure.
            return Opened.refused(OpenStatus.IO, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static Opened<Sender> attach(ChannelSpec spec, Path lockFile, SharedBuffer buffer) {
        byte[] type = new byte[buffer.getInt(CONTENT_TYPE_LENGTH_OFFSET)];
        buffer.getBytes(CONTENT_TYPE_OFFSET, type);
        String channelType = new String(type, StandardCharsets.UTF_8);
        if (!channelType.equals(spec.contentType())) {
            return Opened.refused(OpenStatus.FORMAT_MISMATCH, "content type differs: channel=" + channelType
                    + " sender=" + spec.contentType());
        }
        int slot = new SenderTable(buffer).claim(ProcessLiveness.CURRENT_PID, spec.senderId());
        if (slot == SenderTable.NO_SLOT) {
            return Opened.refused(OpenStatus.IO, "shm sender table full: slots=" + SenderSlotDescriptor.SLOTS
                    + " address=" + spec.address());
        }
        int maxMessageBytes = Math.min(spec.maxMessageBytes(), buffer.getInt(MAX_MESSAGE_BYTES_OFFSET));
        return Opened.ok(new ShmSender(lockFile, buffer, slot, spec.mode(), maxMessageBytes));
    }

    private static boolean isLive(SharedBuffer buffer, Path lockFile) throws IOException {
        return buffer.getIntAcquire(STATE_OFFSET) == STATE_OPEN
                && ProcessLiveness.isAlive(buffer.getLong(RECEIVER_PID_OFFSET))
                && ReceiverLock.isHeld(lockFile);
    }
}
