package org.ipcspec.harness.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The folder that holds a scenario's channel addresses: fresh and owner-only, so scenarios can run
 * in parallel, and short, because a Unix socket path must fit in 100 bytes (docs/protocol.md#open, field address).
 * Removed with everything in it when the scenario ends. Where it goes: {@link AddressRoots}, with
 * {@code ipcspec.tmpdir} ({@code /tmp}) for all but shared memory.
 *
 * <pre>
 * /dev/shm/ipcspec-8213.../   made here, owner-only; what {@link Leftovers} looks at
 *     run                     the {@link RunMark}: which run made it, so a later run can remove it if this one is killed
 *     ch/                     {@link #path()}: the channels' addresses, and all that the steps and checks see
 * </pre>
 * The mark sits beside the channels' folder, not in it, so that what a channel created (P1) is all
 * that is there.
 */
final class ScenarioDirectory implements AutoCloseable {

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private final Path folder;

    private ScenarioDirectory(Path folder) {
        this.folder = folder;
    }

    static ScenarioDirectory create(String transport) {
        Leftovers.sweepOnce();
        Path root = AddressRoots.forTransport(transport, temporaryRoot());
        try {
            Path folder = Files.createTempDirectory(root, Leftovers.PREFIX, OWNER_ONLY);
            RunMark.current().writeInto(folder);
            Files.createDirectory(folder.resolve("ch"), OWNER_ONLY);
            return new ScenarioDirectory(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scenario folder in " + root, e);
        }
    }

    /** Where folders go for all but shared memory: {@code ipcspec.tmpdir}, by default {@code /tmp}. */
    static Path temporaryRoot() {
        return Path.of(System.getProperty("ipcspec.tmpdir", "/tmp"));
    }

    Path path() {
        return folder.resolve("ch");
    }

    @Override
    public void close() {
        try {
            Folders.deleteTree(folder, false);
        } catch (IOException e) {
            // best effort: a file an endpoint still writes; the next run removes the folder (Leftovers)
        }
    }
}
