package org.ipcspec.harness.hostile;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a hostile peer writes into a channel that its wire format forbids (rule H1), by the words
 * a scenario uses for it, and the transport whose format it breaks. docs/wire-formats.md says what
 * a receiver does with each: the shm receive that meets a corrupt record ends {@code error} and
 * reads on; the file receiver moves a file that is not intact to {@code bad/}; the socket receiver
 * ends the connection of a frame over the limit and goes on with the others.
 */
public enum HostileWrite {
    /** A MESSAGE record whose length is over 16 + max_message_bytes (the bytes after it are a real payload). */
    RING_BAD_LENGTH("a ring record with a bad length", "shm"),
    /** A record of a type that is neither MESSAGE nor PADDING, with a sane length and a real payload. */
    RING_BAD_TYPE("a ring record with a bad type", "shm"),
    /** A MESSAGE record with a sane length and payload but a sender slot of 64 or more. */
    RING_BAD_SLOT("a ring record with a bad sender slot", "shm"),
    /** A MESSAGE frame whose body_length is over the channel's max_message_bytes, body and all. */
    FRAME_OVER_LIMIT("a frame over the length limit", "socket"),
    /** A message file cut short of 20 + payload_length bytes. */
    TRUNCATED_FILE("a truncated message file", "file"),
    /** A file in the queue that is not a message file at all (no IPFM magic). */
    GARBAGE_FILE("a garbage message file", "file"),
    /** A complete message file whose CRC-32C does not match (one bit of the payload flipped). */
    BAD_CRC_FILE("a message file with a bad checksum", "file");

    /** The sender id and sequence number of what a hostile peer writes: a receiver that delivers it shows them. */
    public static final long SENDER_ID = 666;
    public static final long SEQ = 9999;

    private final String words;
    private final String transport;

    HostileWrite(String words, String transport) {
        this.words = words;
        this.transport = transport;
    }

    public String words() {
        return words;
    }

    public String transport() {
        return transport;
    }

    /** The regular expression of every wording, for the step's parameter type. */
    public static String pattern() {
        return Arrays.stream(values()).map(HostileWrite::words).collect(Collectors.joining("|"));
    }

    public static HostileWrite of(String words) {
        return Arrays.stream(values()).filter(w -> w.words.equals(words)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no hostile write '" + words + "'; there are: " + pattern()));
    }
}
