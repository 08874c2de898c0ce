package org.ipcspec.channel.shm;

import static org.ipcspec.channel.shm.ShmFileDescriptor.CAPACITY_OFFSET;
import static org.ipcspec.channel.shm.ShmFileDescriptor.CONTENT_TYPE_LENGTH_OFFSET;
import static org.ipcspec.channel.shm.ShmFileDescriptor.CONTENT_TYPE_OFFSET;
import static org.ipcspec.channel.shm.ShmFileDescriptor.HEADER_LENGTH;
import static org.ipcspec.channel.shm.ShmFileDescriptor.HEADER_LENGTH_OFFSET;
import static org.ipcspec.channel.shm.ShmFileDescriptor.MAGIC;
import static org.ipcspec.channel.shm.ShmFileDescriptor.MAGIC_OFFSET;
import static org.ipcspec.channel.shm.ShmFileDescriptor.MAX_MESSAGE_BYTES_OFFSET;
import static org.ipcspec.channel.shm.ShmFileDescriptor.RECEIVER_PID_OFFSET;
import static org.ipcspec.channel.shm.ShmFileDescriptor.RING_SIZE_OFFSET;
import static org.ipcspec.channel.shm.ShmFileDescriptor.SENDER_SLOTS_OFFSET;
import static org.ipcspec.channel.shm.ShmFileDescriptor.STATE_DEAD;
import static org.ipcspec.channel.shm.ShmFileDescriptor.STATE_OFFSET;
import static org.ipcspec.channel.shm.ShmFileDescriptor.STATE_OPEN;
import static org.ipcspec.channel.shm.ShmFileDescriptor.VERSION;
import static org.ipcspec.channel.shm.ShmFileDescriptor.VERSION_OFFSET;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.ipcspec.channel.ChannelException;
import org.ipcspec.channel.support.OwnerOnly;

/** Creating, mapping and retiring the channel file at an address. */
final class ShmChannelFile {

    private ShmChannelFile() {
    }

    /** The file whose fcntl lock the receiver holds: {@code <address>.lock}. */
    static Path lockFileOf(Path address) {
        return address.resolveSibling(address.getFileName() + ".lock");
    }

    /**
     * Builds a fresh channel file under a temporary name in the address's directory, then renames
     * it into place, so that a sender mapping the address sees either no file, an old file, or a
     * complete new one, never a half-initialised one.
     */
    static SharedBuffer create(Path address, int capacity, int maxMessageBytes, String contentType) throws IOException {
        int ringSize = ShmFileDescriptor.ringSizeFor(capacity, maxMessageBytes);
        long length = ShmFileDescriptor.fileLength(ringSize);
        Path temporary = address.resolveSibling("." + address.getFileName() + ".tmp." + ProcessLiveness.CURRENT_PID
                + "." + Long.toUnsignedString(System.nanoTime(), 36));
        SharedBuffer buffer;
        try (FileChannel channel = OwnerOnly.createNew(temporary)) {
            channel.write(ByteBuffer.allocate(1), length - 1);
            buffer = new SharedBuffer(channel.map(FileChannel.MapMode.READ_WRITE, 0, length));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        byte[] type = contentType.getBytes(StandardCharsets.UTF_8);
        buffer.putInt(VERSION_OFFSET, VERSION);
        buffer.putInt(HEADER_LENGTH_OFFSET, HEADER_LENGTH);
        buffer.putInt(RING_SIZE_OFFSET, ringSize);
        buffer.putInt(CAPACITY_OFFSET, capacity);
        buffer.putInt(MAX_MESSAGE_BYTES_OFFSET, maxMessageBytes);
        buffer.putInt(SENDER_SLOTS_OFFSET, SenderSlotDescriptor.SLOTS);
        buffer.putLong(RECEIVER_PID_OFFSET, ProcessLiveness.CURRENT_PID);
        buffer.putInt(CONTENT_TYPE_LENGTH_OFFSET, type.length);
        buffer.putBytes(CONTENT_TYPE_OFFSET, type);
        buffer.putIntRelease(STATE_OFFSET, STATE_OPEN);
        // Magic last: a reader of a torn file (there should be none, thanks to the rename) fails on it.
        buffer.putIntRelease(MAGIC_OFFSET, MAGIC);
        try {
            Files.move(temporary, address, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return buffer;
    }

    /** Maps the channel file at {@code address}; {@link NoSuchFileException} when there is none. */
    static SharedBuffer map(Path address) throws IOException {
        try (FileChannel channel = OwnerOnly.openExisting(address)) {
            long length = channel.size();
            if (length < HEADER_LENGTH || length > Integer.MAX_VALUE) {
                throw new ChannelException("not an shm channel file: address=" + address
                        + " length=" + length);
            }
            return new SharedBuffer(channel.map(FileChannel.MapMode.READ_WRITE, 0, length));
        }
    }

    /**
     * Marks the file a dead receiver left at {@code address} DEAD, so that senders still attached
     * to it end their sends CLOSED. A file that is not an shm channel file is refused, not replaced.
     */
    static void retireLeftover(Path address) throws IOException {
        SharedBuffer leftover;
        try {
            leftover = map(address);
        } catch (NoSuchFileException e) {
            return;
        } catch (ChannelException e) {
            throw new IOException("refusing to replace a file that is not an shm channel: address=" + address, e);
        }
        if (leftover.getInt(MAGIC_OFFSET) != MAGIC) {
            throw new IOException("refusing to replace a file that is not an shm channel: address=" + address
                    + " magic=0x" + Integer.toHexString(leftover.getInt(MAGIC_OFFSET)));
        }
        if (leftover.getInt(VERSION_OFFSET) == VERSION) {
            leftover.putIntRelease(STATE_OFFSET, STATE_DEAD);
        }
        // Another version's leftover has another layout: it is replaced without being touched.
    }
}
