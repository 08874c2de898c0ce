package org.ipcspec.harness.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folder that holds a scenario's channel addresses: fresh and owner-only, so scenarios can run
 * in parallel, and short, because a Unix socket path must fit in 100 bytes (PROTOCOL.md section 3).
 * Removed with everything in it when the scenario ends. Shared-memory channels get theirs in
 * {@code /dev/shm} (tmpfs), where POSIX shared memory lives: a mapped file on a disk file system
 * pays for block allocation and write-back on every first touch of a page, which is not what a
 * shared-memory transport is about. Everything else goes to {@code ipcspec.tmpdir} ({@code /tmp}).
 */
final class ScenarioDirectory implements AutoCloseable {

    private final Path path;

    private ScenarioDirectory(Path path) {
        this.path = path;
    }

    static final Path SHARED_MEMORY = Path.of("/dev/shm");

    static ScenarioDirectory create(String transport) {
        Path root = "shm".equals(transport) && Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY)
                ? SHARED_MEMORY : Path.of(System.getProperty("ipcspec.tmpdir", "/tmp"));
        try {
            return new ScenarioDirectory(Files.createTempDirectory(root, "ipcspec-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scenario folder in " + root, e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a file an endpoint still writes; the folder is in /tmp
                }
            });
        } catch (IOException e) {
            // already gone
        }
    }
}
