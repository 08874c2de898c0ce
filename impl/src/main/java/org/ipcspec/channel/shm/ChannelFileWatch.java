package org.ipcspec.channel.shm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The channel file at an address, as a sender waiting for a live receiver sees it. Each file is
 * mapped once, since a mapping lives until garbage collection and one per poll would pile up;
 * another file at the address (another file key: a new receiver renamed its file into place)
 * is mapped anew. Not thread-safe: one opening sender uses it.
 */
final class ChannelFileWatch {

    private final Path address;
    /** The key of the file {@link #mapped} maps, or null while nothing is mapped. */
    private Object mappedKey;
    private SharedBuffer mapped;

    ChannelFileWatch(Path address) {
        this.address = address;
    }

    /**
     * What is at the address now: its attributes (not following a link), or null when nothing is.
     *
     * @throws IOException when it is not a regular file
     */
    BasicFileAttributes look() throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(address, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw new IOException("not a regular file at the shm address: address=" + address);
            }
            return attributes;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * The mapping of the file that {@code attributes} (from {@link #look}) describe, or null when
     * it is gone before it could be mapped.
     *
     * @throws org.ipcspec.channel.ChannelException when the file is not a compatible shm channel file
     */
    SharedBuffer mapping(BasicFileAttributes attributes) throws IOException {
        if (!Objects.equals(attributes.fileKey(), mappedKey)) {
            SharedBuffer buffer = mapOrNull();
            if (buffer == null) {
                // Gone: remember nothing, or a new file that reuses the key would never be mapped.
                return null;
            }
            mapped = buffer;
            mappedKey = attributes.fileKey();
        }
        return mapped;
    }

    private SharedBuffer mapOrNull() throws IOException {
        try {
            SharedBuffer buffer = ShmChannelFile.map(address);
            ShmFileDescriptor.checkVersion(buffer);
            ShmFileDescriptor.checkHeader(buffer, buffer.capacity());
            return buffer;
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
