package org.ipcspec.channel.support;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Who owns a channel, and is it still alive? The receiver holds an exclusive POSIX record lock
 * on a lock file for as long as it lives; the kernel drops the lock when the process dies, however
 * it dies. A second receiver fails to take the lock ({@code busy}); a sender probes it with a
 * shared lock, which it can take only when no receiver holds the exclusive one.
 *
 * <p>Two POSIX rules shape this class. A process never conflicts with its own locks, and closing
 * any descriptor of a file drops all of the process's locks on it. So within one JVM the owners
 * are also kept in a set, probes never touch the file of an owner in the same JVM, and every
 * probe and acquisition of one lock file runs under the same monitor, closing its descriptor
 * before it leaves. An ownership lock file is never deleted, so its path always means one inode
 * (the file transport's per-incarnation liveness files are deleted, but only by their owner,
 * after it released them, and a new incarnation never reuses a name).
 */
public final class ReceiverLock implements AutoCloseable {

    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();
    private static final ConcurrentHashMap<Path, Object> MONITORS = new ConcurrentHashMap<>();
    /** A sender's probe holds the shared lock for microseconds; a new receiver retries past it. */
    private static final long ACQUIRE_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private ReceiverLock(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes ownership, or returns null when a live receiver holds it. */
    public static ReceiverLock tryAcquire(Path lockFile) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        long deadline = System.nanoTime() + ACQUIRE_RETRY_NANOS;
        Backoff backoff = new Backoff();
        while (true) {
            synchronized (monitor(key)) {
                if (HELD_IN_THIS_JVM.contains(key)) {
                    return null;
                }
                FileChannel channel = OwnerOnly.openOrCreate(key);
                FileLock lock = null;
                try {
                    lock = channel.tryLock(0, 1, false);
                } finally {
                    if (lock == null) {
                        channel.close();
                    }
                }
                if (lock != null) {
                    HELD_IN_THIS_JVM.add(key);
                    return new ReceiverLock(key, channel, lock);
                }
            }
            if (System.nanoTime() - deadline > 0) {
                return null;
            }
            backoff.idle();
        }
    }

    /** True while some process (this one included) holds the receiver's lock on {@code lockFile}. */
    public static boolean isHeld(Path lockFile) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        synchronized (monitor(key)) {
            if (HELD_IN_THIS_JVM.contains(key)) {
                return true;
            }
            FileChannel channel;
            try {
                channel = OwnerOnly.openExisting(key);
            } catch (NoSuchFileException e) {
                return false;
            }
            try (channel) {
                FileLock probe = channel.tryLock(0, 1, true);
                if (probe == null) {
                    return true;
                }
                probe.release();
                return false;
            } catch (OverlappingFileLockException e) {
                // Only this JVM can overlap, and its owners are in the set: not an owner.
                return false;
            }
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        synchronized (monitor(path)) {
            if (!channel.isOpen()) {
                return;
            }
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // The descriptor is closed either way, and closing drops the lock.
            } finally {
                HELD_IN_THIS_JVM.remove(path);
            }
        }
    }

    private static Object monitor(Path key) {
        return MONITORS.computeIfAbsent(key, k -> new Object());
    }
}
