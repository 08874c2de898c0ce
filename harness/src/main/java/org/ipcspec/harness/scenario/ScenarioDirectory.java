package org.ipcspec.harness.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The folder that holds a scenario's channel addresses: fresh and owner-only, so scenarios can run
 * in parallel, and short, because a Unix socket path must fit in 100 bytes (docs/protocol.md#open, field address).
 * Removed with everything in it when the scenario ends. Where it goes: {@link AddressRoots}, with
 * {@code ipcspec.tmpdir} ({@code /tmp}) for all but shared memory.
 */
final class ScenarioDirectory implements AutoCloseable {

    private final Path path;

    private ScenarioDirectory(Path path) {
        this.path = path;
    }

    static ScenarioDirectory create(String transport) {
        Path root = AddressRoots.forTransport(transport, Path.of(System.getProperty("ipcspec.tmpdir", "/tmp")));
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
        try {
            Folders.deleteTree(path, false);
        } catch (IOException e) {
            // best effort: a file an endpoint still writes; the folder is in /tmp
        }
    }
}
