package org.ipcspec.channel.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

import org.ipcspec.channel.ChannelException;
import org.ipcspec.channel.ChannelSpec;
import org.ipcspec.channel.OpenStatus;
import org.ipcspec.channel.Opened;
import org.ipcspec.channel.Receiver;
import org.ipcspec.channel.Sender;
import org.ipcspec.channel.Transport;
import org.ipcspec.channel.file.ChannelDescriptor.Metadata;
import org.ipcspec.channel.support.Backoff;
import org.ipcspec.channel.support.Deadline;
import org.ipcspec.channel.support.OwnerOnly;
import org.ipcspec.channel.support.ReceiverLock;

/**
 * The file-system transport: a spool directory in the Maildir manner (see {@link SpoolLayout},
 * {@link FileSender}, {@link FileReceiver}, and {@code docs/wire-formats.md (file)}). Messages are
 * files; a receiver's close or crash discards nothing, and the next receiver on the address
 * collects what is left.
 *
 * <p>Opening a receiver, in order: create the address directory owner-only (a symbolic link there is
 * refused); take the ownership lock {@code lock} ({@code BUSY} if a live receiver holds it); create
 * {@code tmp/ new/ cur/ bad/}; take a fresh incarnation's liveness lock {@code live.<incarnation>};
 * take over the leftovers of earlier receivers (delete what is in {@code tmp/}, move {@code cur/} back
 * to {@code new/}, delete stale liveness files); last, publish {@code channel} (tmp, fsync, rename),
 * which is what lets senders attach.
 *
 * <p>Why a liveness lock per incarnation rather than probing {@code lock}: a sender must tell its own
 * receiver from a newer one. Metadata left by a dead receiver stays in place until the next receiver
 * replaces it, and a sender that read it while the next receiver was starting would otherwise attach
 * to a receiver that no longer exists. With one liveness file per incarnation, the metadata a sender
 * reads names exactly the lock that says whether that receiver lives.
 */
public final class FileTransport implements Transport {

    @Override
    public String name() {
        return "file";
    }

    @Override
    public Opened<Receiver> openReceiver(ChannelSpec spec) {
        SpoolLayout layout = new SpoolLayout(spec.address());
        ReceiverLock ownership = null;
        ReceiverLock live = null;
        try {
            OwnerOnly.requireNotLink(layout.address());
            OwnerOnly.directory(layout.address());
            ownership = ReceiverLock.tryAcquire(layout.lock());
            if (ownership == null) {
                return Opened.refused(OpenStatus.BUSY, "a live receiver owns the channel: address=" + layout.address());
            }
            for (Path dir : new Path[] {layout.tmp(), layout.queue(), layout.cur(), layout.bad()}) {
                OwnerOnly.directory(dir);
            }
            long incarnation = newIncarnation();
            live = ReceiverLock.tryAcquire(layout.live(incarnation));
            if (live == null) {
                throw new IOException("could not lock a fresh liveness file: path=" + layout.live(incarnation));
            }
            takeOver(layout, incarnation);
            publish(layout, new Metadata(spec.capacity(), spec.maxMessageBytes(), incarnation, spec.contentType()));
            return Opened.ok(new FileReceiver(layout, ownership, live, spec.mode(), spec.capacity(),
                    spec.maxMessageBytes(), spec.contentType()));
        } catch (IOException | ChannelException e) {
            if (live != null) {
                live.close();
            }
            if (ownership != null) {
                ownership.close();
            }
            return Opened.refused(OpenStatus.IO, "cannot open file channel: address=" + layout.address() + " cause=" + e);
        }
    }

    @Override
    public Opened<Sender> openSender(ChannelSpec spec) {
        SpoolLayout layout = new SpoolLayout(spec.address());
        Deadline deadline = Deadline.after(spec.openTimeout().toNanos());
        Backoff backoff = new Backoff();
        try {
            while (true) {
                OwnerOnly.requireNotLink(layout.address());
                Metadata metadata = readMetadata(layout.channel());
                if (metadata != null && ReceiverLock.isHeld(layout.live(metadata.incarnation()))) {
                    if (!metadata.contentType().equals(spec.contentType())) {
                        return Opened.refused(OpenStatus.FORMAT_MISMATCH, "content type differs: sender="
                                + spec.contentType() + " channel=" + metadata.contentType());
                    }
                    int limit = Math.min(spec.maxMessageBytes(), metadata.maxMessageBytes());
                    return Opened.ok(new FileSender(layout, metadata.incarnation(), spec.mode(), metadata.capacity(),
                            limit, spec.senderId(), ThreadLocalRandom.current().nextLong()));
                }
                if (deadline.expired()) {
                    return Opened.refused(OpenStatus.NOT_FOUND, "no live receiver within "
                            + spec.openTimeout().toMillis() + " ms: address=" + layout.address());
                }
                backoff.idle();
            }
        } catch (IOException | ChannelException e) {
            return Opened.refused(OpenStatus.IO, "cannot attach to file channel: address=" + layout.address()
                    + " cause=" + e);
        }
    }

    /** The metadata, or null when there is none (yet). */
    static Metadata readMetadata(Path file) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException | NotDirectoryException e) {
            return null;
        }
        try (channel) {
            long size = channel.size();
            if (size > ChannelDescriptor.CONTENT_TYPE_OFFSET + ChannelSpec.MAX_CONTENT_TYPE_BYTES) {
                throw new ChannelException("channel metadata too long: path=" + file + " length=" + size);
            }
            ByteBuffer b = ByteBuffer.allocate((int) size);
            while (b.hasRemaining() && channel.read(b) >= 0) {
                // read the whole file
            }
            b.flip();
            return ChannelDescriptor.decode(b);
        }
    }

    private static long newIncarnation() {
        long incarnation;
        do {
            incarnation = ThreadLocalRandom.current().nextLong();
        } while (incarnation == 0);
        return incarnation;
    }

    /**
     * Makes the leftovers of earlier receivers ours. Runs while holding ownership, so every earlier
     * receiver is dead or closed. A file in {@code cur/} was being collected but never returned:
     * moving it back to {@code new/} delivers it (first, as its name sorts before its sender's later
     * ones). Files in {@code tmp/} belong to senders attached to an earlier receiver: those are CLOSED
     * at their next probe, and a rename that fails because the file was removed ends as CLOSED too.
     */
    private static void takeOver(SpoolLayout layout, long incarnation) throws IOException {
        for (String name : QueueListing.names(layout.tmp())) {
            Files.deleteIfExists(layout.tmp().resolve(name));
        }
        for (String name : QueueListing.names(layout.cur())) {
            Files.move(layout.cur().resolve(name), layout.queue().resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
        String ours = SpoolLayout.liveName(incarnation);
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(layout.address(), SpoolLayout.LIVE_PREFIX + "*")) {
            for (Path file : stale) {
                if (!file.getFileName().toString().equals(ours)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Writes the metadata atomically and durably: tmp file, fsync, rename over {@code channel}, fsync the directory. */
    private static void publish(SpoolLayout layout, Metadata metadata) throws IOException {
        Path tmp = layout.tmp().resolve(SpoolLayout.CHANNEL + "." + MessageName.hex16(metadata.incarnation()));
        try (FileChannel file = OwnerOnly.createNew(tmp)) {
            ByteBuffer b = ChannelDescriptor.encode(metadata);
            while (b.hasRemaining()) {
                file.write(b);
            }
            file.force(true);
        }
        Files.move(tmp, layout.channel(), StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(layout.address(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
