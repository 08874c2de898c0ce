package org.ipcspec.endpoint;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.ipcspec.channel.MessageBytes;
import org.ipcspec.channel.WritableMessageBytes;

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
    /** Big-endian views of a byte array: a header field is one load, without a ByteBuffer's checks. */
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * Fillers up to this long are checked 8 bytes at a time against {@link #PATTERN_LONGS}:
     * {@code Arrays.mismatch} calls a vectorised stub, which costs more than the compare itself
     * for the 40 filler bytes of a 64-byte message.
     */
    static final int SHORT_FILLER = 128;
    /** {@code PATTERN_LONGS[k]}: the 8 filler bytes from pattern offset {@code k}, big-endian. */
    private static final long[] PATTERN_LONGS = new long[256];

    static {
        for (int k = 0; k < PATTERN.length; k++) {
            PATTERN[k] = (byte) k;
        }
        for (int k = 0; k < PATTERN_LONGS.length; k++) {
            PATTERN_LONGS[k] = (long) LONG.get(PATTERN, k);
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
        write(buffer, 0, seq, senderId, size, 0);
        buffer.limit(size);
    }

    /**
     * Writes the payload of {@code seq}, {@code size} bytes stamped {@code sentT}, into
     * {@code target} from index {@code at} with absolute puts (big-endian, as the target must
     * be): through the array of a heap buffer, else through the buffer (a view of a channel's
     * memory, written in place).
     */
    static void write(ByteBuffer target, int at, long seq, long senderId, int size, long sentT) {
        if (target.hasArray()) {
            byte[] array = target.array();
            int offset = target.arrayOffset() + at;
            INT.set(array, offset + MAGIC_OFFSET, MAGIC);
            LONG.set(array, offset + SEQ_OFFSET, seq);
            INT.set(array, offset + SENDER_ID_OFFSET, (int) senderId);
            LONG.set(array, offset + SENT_T_OFFSET, sentT);
            writeFiller(array, offset, size, patternStart((int) (seq * 7)));
            return;
        }
        target.putInt(at + MAGIC_OFFSET, MAGIC).putLong(at + SEQ_OFFSET, seq).putInt(at + SENDER_ID_OFFSET, (int) senderId)
                .putLong(at + SENT_T_OFFSET, sentT);
        int start = patternStart((int) (seq * 7));
        for (int done = 0, filler = size - HEADER_LENGTH; done < filler; done += CHUNK) {
            target.put(at + HEADER_LENGTH + done, PATTERN, start, Math.min(CHUNK, filler - done));
        }
    }

    /**
     * Writes the payload of {@code seq}, {@code size} bytes stamped {@code sentT}, in place where
     * the channel keeps it (a small shm message), 8 filler bytes a put.
     */
    static void write(WritableMessageBytes target, long seq, long senderId, int size, long sentT) {
        target.putInt(MAGIC_OFFSET, MAGIC);
        target.putLong(SEQ_OFFSET, seq);
        target.putInt(SENDER_ID_OFFSET, (int) senderId);
        target.putLong(SENT_T_OFFSET, sentT);
        int start = patternStart((int) (seq * 7));
        int filler = size - HEADER_LENGTH;
        int i = 0;
        for (int whole = filler & ~7; i < whole; i += 8) {
            target.putLong(HEADER_LENGTH + i, PATTERN_LONGS[(start + i) & 0xFF]);
        }
        for (; i < filler; i++) {
            target.putByte(HEADER_LENGTH + i, PATTERN[(start + i) & 0xFF]);
        }
    }

    /** The filler of a payload of {@code size} bytes at {@code offset}, from pattern offset {@code start}. */
    private static void writeFiller(byte[] array, int offset, int size, int start) {
        int from = offset + HEADER_LENGTH;
        int filler = size - HEADER_LENGTH;
        if (filler <= SHORT_FILLER) {
            // as in fillerIntact: a few long stores cost less than the copy stub's call
            int i = 0;
            for (int whole = filler & ~7; i < whole; i += 8) {
                LONG.set(array, from + i, PATTERN_LONGS[(start + i) & 0xFF]);
            }
            for (; i < filler; i++) {
                array[from + i] = PATTERN[start + i];
            }
            return;
        }
        for (int done = 0; done < filler; done += CHUNK) {
            System.arraycopy(PATTERN, start, array, from + done, Math.min(CHUNK, filler - done));
        }
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

    /**
     * Whether every filler byte is what the header's {@code seq} says it must be. A buffer
     * without an array (a view of a channel's memory) is checked as
     * {@link #fillerIntact(ByteBuffer, byte[])} does, through a scratch array of its own.
     */
    static boolean fillerIntact(ByteBuffer message) {
        if (message.hasArray()) {
            return fillerIntact(message.array(), message.arrayOffset() + message.position(), message.remaining());
        }
        return fillerIntact(message, new byte[CHUNK]);
    }

    /**
     * As {@link #fillerIntact(ByteBuffer)}, for a buffer without an array (any buffer reads
     * right, a heap one only slower than through its array): the filler is copied into
     * {@code scratch} ({@link #CHUNK} bytes or more) a chunk at a time and compared there. Not
     * compared in place: on JDK 17, {@code ByteBuffer.mismatch} on a direct buffer runs
     * {@code ArraysSupport.vectorizedMismatch}'s Java fallback, 8 bytes a load, because C2 puts
     * its vectorised stub in only where both sides are arrays ({@code -XX:+PrintIntrinsics}:
     * "failed to inline (intrinsic)"); the copy out of a direct buffer is a vectorised stub.
     * On 4 KiB already in L1 the two cost the same ({@code FillerCheckCost}: 133 and 130 ns, the
     * heap compare alone 78); on bytes coming from L3 or from the sender's core the copy wins:
     * one thread, receive runs 179-186 -> 168 ns a message ({@code RunCost 4096}); six
     * alternating pairs of endpoints, median batch 1.92 -> 2.32 M msg/s (docs/performance.md,
     * eighth pass).
     */
    static boolean fillerIntact(ByteBuffer message, byte[] scratch) {
        int position = message.position();
        int size = message.remaining();
        int start = patternStart((int) (seq(message) * 7));
        for (int done = 0, filler = size - HEADER_LENGTH; done < filler; done += CHUNK) {
            int n = Math.min(CHUNK, filler - done);
            message.get(position + HEADER_LENGTH + done, scratch, 0, n);
            if (Arrays.mismatch(scratch, 0, n, PATTERN, start, start + n) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The readers below take a collected message as {@code length} bytes of {@code array} from
     * {@code offset}, the receiver's hot path: a heap ByteBuffer's absolute get checks its index
     * and its memory scope at every call.
     */
    static boolean isGenerated(byte[] array, int offset, int length) {
        return length >= 4 && (int) INT.get(array, offset + MAGIC_OFFSET) == MAGIC;
    }

    static long seq(byte[] array, int offset) {
        return (long) LONG.get(array, offset + SEQ_OFFSET);
    }

    static long senderId(byte[] array, int offset) {
        return (int) INT.get(array, offset + SENDER_ID_OFFSET) & 0xFFFF_FFFFL;
    }

    static long sentT(byte[] array, int offset) {
        return (long) LONG.get(array, offset + SENT_T_OFFSET);
    }

    /** Whether the filler of the generated message of {@code length} bytes at {@code offset} is intact. */
    static boolean fillerIntact(byte[] array, int offset, int length) {
        int start = patternStart((int) (seq(array, offset) * 7));
        int from = offset + HEADER_LENGTH;
        int filler = length - HEADER_LENGTH;
        if (filler <= SHORT_FILLER) {
            int i = 0;
            for (int whole = filler & ~7; i < whole; i += 8) {
                if ((long) LONG.get(array, from + i) != PATTERN_LONGS[(start + i) & 0xFF]) {
                    return false;
                }
            }
            for (; i < filler; i++) {
                if (array[from + i] != PATTERN[start + i]) {
                    return false;
                }
            }
            return true;
        }
        for (int done = 0; done < filler; done += CHUNK) {
            int n = Math.min(CHUNK, filler - done);
            if (Arrays.mismatch(array, from + done, from + done + n, PATTERN, start, start + n) >= 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isGenerated(MessageBytes message) {
        return message.length() >= 4 && message.getInt(MAGIC_OFFSET) == MAGIC;
    }

    static long seq(MessageBytes message) {
        return message.getLong(SEQ_OFFSET);
    }

    static long senderId(MessageBytes message) {
        return message.getInt(SENDER_ID_OFFSET) & 0xFFFF_FFFFL;
    }

    static long sentT(MessageBytes message) {
        return message.getLong(SENT_T_OFFSET);
    }

    /**
     * Whether the filler of a generated message read in place is intact, 8 bytes at a time: a
     * short one's whole longs without a loop ({@link #shortFillerDiffers}), a longer one's in a
     * loop, then the tail byte by byte.
     */
    static boolean fillerIntact(MessageBytes message) {
        int start = patternStart((int) (seq(message) * 7));
        int filler = message.length() - HEADER_LENGTH;
        int longs = filler >>> 3;
        int i = longs << 3;
        if (longs <= SHORT_FILLER / 8) {
            if (shortFillerDiffers(message, start, longs) != 0) {
                return false;
            }
        } else {
            for (int at = 0; at < i; at += 8) {
                if (message.getLong(HEADER_LENGTH + at) != PATTERN_LONGS[(start + at) & 0xFF]) {
                    return false;
                }
            }
        }
        for (; i < filler; i++) {
            if (message.getByte(HEADER_LENGTH + i) != PATTERN[(start + i) & 0xFF]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first {@code longs} (at most 16) 8-byte words of a short filler, each XORed with what it
     * must be and ORed together: 0 when all are intact. Straight-line, falling through from the
     * last word to the first, because the loop it replaces cost more than its compares: C2
     * compiles a counted loop into pre-, main- and post-loops, and for the five words of a 64-byte
     * message that took 4 of the receiver's 24 ns a message (RunCost, one thread: receive runs
     * 24.3 -> 21.8 ns; the same five compares written out for 64 B only: 20.5). The shm receiver
     * checks its small messages in place this way; the byte-array path keeps the loop.
     */
    private static long shortFillerDiffers(MessageBytes message, int start, int longs) {
        long differs = 0;
        switch (longs) {
            case 16:
                differs |= longDiffers(message, start, 15);
            case 15:
                differs |= longDiffers(message, start, 14);
            case 14:
                differs |= longDiffers(message, start, 13);
            case 13:
                differs |= longDiffers(message, start, 12);
            case 12:
                differs |= longDiffers(message, start, 11);
            case 11:
                differs |= longDiffers(message, start, 10);
            case 10:
                differs |= longDiffers(message, start, 9);
            case 9:
                differs |= longDiffers(message, start, 8);
            case 8:
                differs |= longDiffers(message, start, 7);
            case 7:
                differs |= longDiffers(message, start, 6);
            case 6:
                differs |= longDiffers(message, start, 5);
            case 5:
                differs |= longDiffers(message, start, 4);
            case 4:
                differs |= longDiffers(message, start, 3);
            case 3:
                differs |= longDiffers(message, start, 2);
            case 2:
                differs |= longDiffers(message, start, 1);
            case 1:
                differs |= longDiffers(message, start, 0);
                break;
            default:
                break;
        }
        return differs;
    }

    /** Filler word {@code k} (bytes 8k to 8k + 7 of the filler) XOR what it must be. */
    private static long longDiffers(MessageBytes message, int start, int k) {
        return message.getLong(HEADER_LENGTH + 8 * k) ^ PATTERN_LONGS[(start + 8 * k) & 0xFF];
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
