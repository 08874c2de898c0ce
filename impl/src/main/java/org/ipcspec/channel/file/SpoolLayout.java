package org.ipcspec.channel.file;

import java.nio.file.Path;

/**
 * Where everything lives in a spool directory (the channel's address). Documented byte for byte in
 * {@code docs/wire-formats.md (file)}.
 *
 * <pre>
 *   ADDRESS/                 0700, created by the receiver
 *     lock                   the receiver's ownership lock (fcntl, exclusive): a second receiver is busy
 *     live.&lt;incarnation&gt;     locked by one receiver incarnation for as long as it lives; senders probe it
 *     channel                metadata ({@link ChannelDescriptor}), replaced by rename at each receiver open
 *     tmp/                   message files being written (and the metadata before its rename)
 *     new/                   the queue: complete messages, collected in name order
 *     cur/                   a message being collected: moved here from new/, read, verified, deleted
 *     bad/                   files that failed verification, kept for diagnosis, never delivered
 * </pre>
 */
final class SpoolLayout {

    static final String LOCK = "lock";
    static final String CHANNEL = "channel";
    static final String LIVE_PREFIX = "live.";
    static final String TMP = "tmp";
    static final String NEW = "new";
    static final String CUR = "cur";
    static final String BAD = "bad";

    private final Path address;
    private final Path tmp;
    private final Path queue;
    private final Path cur;
    private final Path bad;

    SpoolLayout(Path address) {
        this.address = address;
        this.tmp = address.resolve(TMP);
        this.queue = address.resolve(NEW);
        this.cur = address.resolve(CUR);
        this.bad = address.resolve(BAD);
    }

    Path address() {
        return address;
    }

    Path lock() {
        return address.resolve(LOCK);
    }

    Path channel() {
        return address.resolve(CHANNEL);
    }

    /** The liveness lock file of one receiver incarnation: {@code live.} and 16 lowercase hex digits. */
    Path live(long incarnation) {
        return address.resolve(liveName(incarnation));
    }

    static String liveName(long incarnation) {
        return LIVE_PREFIX + MessageName.hex16(incarnation);
    }

    Path tmp() {
        return tmp;
    }

    /** {@code new/}: named {@code queue} because {@code new} is a keyword. */
    Path queue() {
        return queue;
    }

    Path cur() {
        return cur;
    }

    Path bad() {
        return bad;
    }
}
