package org.ipcspec.channel.support;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Creates and opens channel artifacts so that only their owner can read or write them (P1), and
 * never through a symbolic link someone planted at the address: every open passes
 * {@link LinkOption#NOFOLLOW_LINKS}, so a link makes the open fail instead of redirecting it.
 */
public final class OwnerOnly {

    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final FileAttribute<Set<PosixFilePermission>> FILE_ATTRIBUTE = PosixFilePermissions.asFileAttribute(FILE);
    private static final FileAttribute<Set<PosixFilePermission>> DIRECTORY_ATTRIBUTE = PosixFilePermissions.asFileAttribute(DIRECTORY);

    private OwnerOnly() {
    }

    /** Creates {@code dir} owner-only, or checks that an existing one is a real directory, not a link. */
    public static void directory(Path dir) throws IOException {
        try {
            Files.createDirectory(dir, DIRECTORY_ATTRIBUTE);
        } catch (FileAlreadyExistsException e) {
            BasicFileAttributes attributes = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isDirectory()) {
                throw new IOException("refusing a non-directory (a symbolic link?) where a directory belongs: path=" + dir);
            }
            Files.setPosixFilePermissions(dir, DIRECTORY);
        }
    }

    /** Opens {@code file} read-write, creating it owner-only if it is absent; a symbolic link is refused. */
    public static FileChannel openOrCreate(Path file) throws IOException {
        return open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
    }

    /** Creates a new owner-only file; fails if anything (a link included) is already there. */
    public static FileChannel createNew(Path file) throws IOException {
        return open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
    }

    /** Opens an existing file read-write without following a symbolic link. */
    public static FileChannel openExisting(Path file) throws IOException {
        return open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private static FileChannel open(Path file, OpenOption... options) throws IOException {
        Set<OpenOption> all = new java.util.HashSet<>(java.util.Arrays.asList(options));
        all.add(LinkOption.NOFOLLOW_LINKS);
        try {
            return FileChannel.open(file, all, FILE_ATTRIBUTE);
        } catch (IOException e) {
            if (Files.isSymbolicLink(file)) {
                throw new IOException("refusing a symbolic link at a channel path: path=" + file, e);
            }
            throw e;
        }
    }

    /** Fails if {@code path} is a symbolic link (it may be absent). */
    public static void requireNotLink(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            throw new IOException("refusing a symbolic link at a channel path: path=" + path);
        }
    }

    /** Makes an existing file owner-only (for files created by APIs that take no attributes, like sockets). */
    public static void restrict(Path file) throws IOException {
        Files.setPosixFilePermissions(file, EnumSet.copyOf(FILE));
    }
}
