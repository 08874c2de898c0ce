package org.ipcspec.harness.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.Channels;
import org.ipcspec.channel.Opened;

/**
 * world-readable (P1): once an end is open, what the channel created next to its address (the
 * address itself and its siblings named after it, such as a lock file) is opened up to everyone:
 * 0644 for files, 0755 for folders. The ends themselves work as the reference's do.
 */
final class WorldReadable {

    static FaultyOpener opener() {
        return new FaultyOpener("world-readable",
                spec -> openUp(spec, Channels.openSender(spec)),
                spec -> openUp(spec, Channels.openReceiver(spec)));
    }

    /** world-readable-on-shm (P1): the same, on the shm transport alone. */
    static FaultyOpener onShm() {
        return new FaultyOpener("world-readable-on-shm",
                spec -> spec.transport().equals("shm") ? openUp(spec, Channels.openSender(spec)) : Channels.openSender(spec),
                spec -> spec.transport().equals("shm") ? openUp(spec, Channels.openReceiver(spec)) : Channels.openReceiver(spec));
    }

    private WorldReadable() {
    }

    private static <T extends AutoCloseable> Opened<T> openUp(ChannelSpec spec, Opened<T> opened) {
        if (!opened.isOk()) {
            return opened;
        }
        Path address = spec.address();
        String name = address.getFileName().toString();
        try (Stream<Path> siblings = Files.list(address.getParent())) {
            for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(name)).toList()) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                boolean folder = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(folder ? "rwxr-xr-x" : "rw-r--r--"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("world-readable: cannot chmod next to " + address, e);
        }
        return opened;
    }
}
