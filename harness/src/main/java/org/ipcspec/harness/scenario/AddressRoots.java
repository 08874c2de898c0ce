package org.ipcspec.harness.scenario;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where channel addresses go. Shared-memory channels go to {@code /dev/shm} (tmpfs), where POSIX
 * shared memory lives: a mapped file on a disk file system pays for block allocation and
 * write-back on every first touch of a page, which is not what a shared-memory transport is
 * about. Everything else goes to the given folder.
 */
public final class AddressRoots {

    static final Path SHARED_MEMORY = Path.of("/dev/shm");

    private AddressRoots() {
    }

    public static Path forTransport(String transport, Path otherwise) {
        return "shm".equals(transport) && Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY)
                ? SHARED_MEMORY : otherwise;
    }
}
