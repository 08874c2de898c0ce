package org.ipcspec.endpoint;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The generated payload of docs/protocol.md#generated-payloads, asked for by {@code size}:
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                      magic: ASCII "IPC1"                      |
 *  +---------------------------------------------------------------+
 *  |                 seq, unsigned 64-bit big-endian               |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |              sender_id, unsigned 32-bit big-endian            |
 *  +---------------------------------------------------------------+
 *  |    sent_t: sender's monotonic ns at send_begin, signed 64 BE  |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |  filler up to size: byte at offset i is (seq * 7 + i) mod 256 ...
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * A payload that does not start with the magic is a text payload. The filler lets the receiver
 * check that every byte arrived as sent ({@code intact}).
 */
final class Payload {

    static final int MAGIC_OFFSET = 0;
    static final int SEQ_OFFSET = 4;
    static final int SENDER_ID_OFFSET = 12;
    static final int SENT_T_OFFSET = 16;
    static final int HEADER_LENGTH = 24;
    /** "IPC1" as a big-endian int. */
    static final int MAGIC = ('I' << 24) | ('P' << 16) | ('C' << 8) | '1';
    /** Filler bytes written or checked by one bulk copy or compare; a multiple of 256. */
    static final int CHUNK = 4096;
    /**
     * {@code PATTERN[k] = (byte) k}. The filler repeats every 256 bytes, so every run of up to
     * {@link #CHUNK} filler bytes is one slice of it, starting at {@code (seq * 7 + 24) mod 256}:
     * filling and checking are array copies and compares (vectorised), not a loop over bytes.
     */
    private static final byte[] PATTERN = new byte[256 + CHUNK];

    static {
        for (int k = 0; k < PATTERN.length; k++) {
            PATTERN[k] = (byte) k;
        }
    }

    private Payload() {
    }

    /**
     * Writes a whole payload of {@code size} bytes with {@code sent_t} 0 into {@code buffer}
     * (cleared first) and leaves it flipped: position 0, limit {@code size}. Stamp the time with
     * {@link #putSentT} just before the send.
     */
    static void write(ByteBuffer buffer, long seq, long senderId, int size) {
        checkSize(size);
        buffer.clear();
        buffer.putInt(MAGIC_OFFSET, MAGIC);
        buffer.putLong(SEQ_OFFSET, seq);
        buffer.putInt(SENDER_ID_OFFSET, (int) senderId);
        buffer.putLong(SENT_T_OFFSET, 0);
        int base = (int) (seq * 7);
        if (buffer.hasArray()) {
            byte[] array = buffer.array();
            int offset = buffer.arrayOffset() + HEADER_LENGTH;
            int start = patternStart(base);
            for (int done = 0, filler = size - HEADER_LENGTH; done < filler; done += CHUNK) {
                System.arraycopy(PATTERN, start, array, offset + done, Math.min(CHUNK, filler - done));
            }
        } else {
            for (int i = HEADER_LENGTH; i < size; i++) {
                buffer.put(i, (byte) (base + i));
            }
        }
        buffer.limit(size);
    }

    static void putSentT(ByteBuffer buffer, long sentT) {
        buffer.putLong(SENT_T_OFFSET, sentT);
    }

    /** Whether the message (position to limit) starts with the magic. */
    static boolean isGenerated(ByteBuffer message) {
        return message.remaining() >= 4 && message.getInt(message.position() + MAGIC_OFFSET) == MAGIC;
    }

    /** Whether a generated message is long enough to hold the header. */
    static boolean hasHeader(ByteBuffer message) {
        return message.remaining() >= HEADER_LENGTH;
    }

    static long seq(ByteBuffer message) {
        return message.getLong(message.position() + SEQ_OFFSET);
    }

    static long senderId(ByteBuffer message) {
        return message.getInt(message.position() + SENDER_ID_OFFSET) & 0xFFFF_FFFFL;
    }

    static long sentT(ByteBuffer message) {
        return message.getLong(message.position() + SENT_T_OFFSET);
    }

    /** Whether every filler byte is what the header's {@code seq} says it must be. */
    static boolean fillerIntact(ByteBuffer message) {
        int size = message.remaining();
        int position = message.position();
        int base = (int) (seq(message) * 7);
        if (message.hasArray()) {
            byte[] array = message.array();
            int offset = message.arrayOffset() + position + HEADER_LENGTH;
            int start = patternStart(base);
            for (int done = 0, filler = size - HEADER_LENGTH; done < filler; done += CHUNK) {
                int n = Math.min(CHUNK, filler - done);
                if (Arrays.mismatch(array, offset + done, offset + done + n, PATTERN, start, start + n) >= 0) {
                    return false;
                }
            }
        } else {
            for (int i = HEADER_LENGTH; i < size; i++) {
                if (message.get(position + i) != (byte) (base + i)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Where in {@link #PATTERN} the filler of a payload whose {@code seq * 7} is {@code base} starts. */
    private static int patternStart(int base) {
        return (base + HEADER_LENGTH) & 0xFF;
    }

    static void checkSize(int size) {
        if (size < HEADER_LENGTH) {
            throw new IllegalArgumentException("a generated payload needs at least " + HEADER_LENGTH + " bytes: size=" + size);
        }
    }
}
