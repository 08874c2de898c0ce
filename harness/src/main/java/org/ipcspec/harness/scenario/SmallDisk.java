package org.ipcspec.harness.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.opentest4j.TestAbortedException;

/**
 * A small file system (tmpfs of a few KiB, owner-only) mounted over a scenario's channel folder, so
 * that a scenario can fill the disk a channel writes to. Mounting needs root: anyone else gets the
 * scenario skipped as unsupported, with the reason. {@link #close()} unmounts it, lazily if a file
 * is still open in it, so the folder can be removed.
 */
final class SmallDisk implements AutoCloseable {

    private final Path mountPoint;
    private boolean mounted;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /**
     * Mounts {@code kib} KiB over {@code mountPoint}, an empty folder.
     *
     * @throws TestAbortedException (unsupported) when not root or the mount is refused
     */
    static SmallDisk mount(Path mountPoint, int kib) {
        return mount(mountPoint, kib, uid());
    }

    /** As above, as the user {@code uid} (a test's way to be someone other than root). */
    static SmallDisk mount(Path mountPoint, int kib, String uid) {
        if (kib < 4) {
            throw new IllegalArgumentException("a disk of " + kib + " KiB holds nothing; at least 4 KiB (one page)");
        }
        if (!"0".equals(uid)) {
            throw new TestAbortedException("unsupported: a full disk is a small tmpfs mounted over the channel's folder,"
                    + " and mounting needs root; the harness runs as uid " + uid);
        }
        SmallDisk disk = new SmallDisk(mountPoint);
        String result = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + kib + "k,mode=0700", "ipcspec-disk", mountPoint.toString()));
        if (result != null) {
            throw new TestAbortedException("unsupported: cannot mount a " + kib + " KiB tmpfs at " + mountPoint + ": " + result);
        }
        disk.mounted = true;
        return disk;
    }

    Path mountPoint() {
        return mountPoint;
    }

    @Override
    public void close() {
        if (!mounted) {
            return;
        }
        mounted = false;
        String failure = run(List.of("umount", mountPoint.toString()));
        if (failure != null) {
            // A file still open in it (a grandchild of an endpoint): detach it now, the kernel frees it when that closes.
            failure = run(List.of("umount", "-l", mountPoint.toString()));
        }
        if (failure != null) {
            throw new IllegalStateException("cannot unmount the small disk at " + mountPoint + ": " + failure);
        }
    }

    /**
     * Unmounts what is mounted at {@code mountPoint}, if anything: a small disk whose run was killed
     * before it could unmount it, found by {@link Leftovers}.
     */
    static void unmountLeftover(Path mountPoint) {
        String path = mountPoint.toAbsolutePath().normalize().toString();
        try {
            boolean mounted = Files.readAllLines(Path.of("/proc/self/mounts")).stream()
                    .map(line -> line.split(" "))
                    .anyMatch(fields -> fields.length > 1 && fields[1].replace("\\040", " ").equals(path));
            if (mounted) {
                run(List.of("umount", "-l", path));
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: nothing this harness could have mounted
        }
    }

    private static String uid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1];
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through to the user name
        }
        return "root".equals(System.getProperty("user.name")) ? "0" : "of user " + System.getProperty("user.name");
    }

    /** Runs a command; null if it exited 0, else what it said and its exit status. */
    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return String.join(" ", command) + " did not finish within 10 s";
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 ? null : String.join(" ", command) + " exited " + process.exitValue() + ": " + output;
        } catch (IOException e) {
            return String.join(" ", command) + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return String.join(" ", command) + ": interrupted";
        }
    }
}
