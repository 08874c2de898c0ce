package org.ipcspec.channel.socket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The frames of the socket transport: their offsets, type codes and validators. Every multi-byte
 * field is big-endian (network order). docs/wire-formats.md (socket) is the same layout in prose.
 *
 * <p>Every frame starts with an 8-byte header:
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                     Body Length (u32)                         |
 *  +---------------+---------------+-------------------------------+
 *  |   Type (u8)   |  Flags (u8)   |        Reserved (u16) = 0     |
 *  +---------------+---------------+-------------------------------+
 *  |                     Body (Body Length bytes)                ...
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>HELLO body (sender to receiver, first frame of a connection):
 * <pre>
 *   0  u32 magic            0x49504353 ("IPCS")
 *   4  u16 version          1
 *   6  u16 reserved         0
 *   8  u32 sender_id
 *  12  u32 max_message_bytes (the sender's own limit)
 *  16  u16 content_type_length n (at most 255)
 *  18  n bytes content type, UTF-8
 * </pre>
 * WELCOME body (receiver to sender, the connection is established):
 * <pre>
 *   0  u32 magic, 4 u16 version, 6 u16 reserved, 8 u32 capacity, 12 u32 max_message_bytes
 * </pre>
 * REFUSE body (receiver to sender, then the receiver closes the connection):
 * <pre>
 *   0  u32 magic, 4 u16 version (the receiver's), 6 u16 reason,
 *   8  u16 content_type_length n, 10 n bytes: the channel's content type, UTF-8
 * </pre>
 * MESSAGE body: the payload itself; flag {@link #FLAG_SYNC} marks a synchronous send.
 * ACK body: {@code u64 collected}, how many MESSAGE frames of this connection the receiver has
 * collected so far (cumulative, so a newer ack makes every older one redundant).
 */
final class FrameDescriptor {

    static final int MAGIC = 0x49504353;
    static final int VERSION = 1;

    static final int HEADER_LENGTH = 8;
    static final int LENGTH_OFFSET = 0;
    static final int TYPE_OFFSET = 4;
    static final int FLAGS_OFFSET = 5;
    static final int RESERVED_OFFSET = 6;

    static final byte TYPE_HELLO = 1;
    static final byte TYPE_WELCOME = 2;
    static final byte TYPE_REFUSE = 3;
    static final byte TYPE_MESSAGE = 4;
    static final byte TYPE_ACK = 5;

    static final byte FLAG_SYNC = 1;
    /**
     * MESSAGE flag bit 1: more frames of the same batch follow at once; the receiver may defer
     * this frame's ACK (docs/wire-formats.md, Flow control). A receiver that ignores the bit, as
     * unknown bits are ignored, acknowledges every frame, which is also correct.
     */
    static final byte FLAG_MORE = 2;

    /** Offsets shared by the three handshake bodies. */
    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;

    static final int HELLO_SENDER_ID_OFFSET = 8;
    static final int HELLO_MAX_MESSAGE_BYTES_OFFSET = 12;
    static final int HELLO_CONTENT_TYPE_LENGTH_OFFSET = 16;
    static final int HELLO_CONTENT_TYPE_OFFSET = 18;

    static final int WELCOME_CAPACITY_OFFSET = 8;
    static final int WELCOME_MAX_MESSAGE_BYTES_OFFSET = 12;
    static final int WELCOME_BODY_LENGTH = 16;

    static final int REFUSE_REASON_OFFSET = 6;
    static final int REFUSE_CONTENT_TYPE_LENGTH_OFFSET = 8;
    static final int REFUSE_CONTENT_TYPE_OFFSET = 10;

    static final int REASON_FORMAT_MISMATCH = 1;
    static final int REASON_VERSION_MISMATCH = 2;
    static final int REASON_MALFORMED = 3;

    static final int ACK_COLLECTED_OFFSET = 0;
    static final int ACK_BODY_LENGTH = 8;
    static final int ACK_FRAME_LENGTH = HEADER_LENGTH + ACK_BODY_LENGTH;

    /** No handshake body is longer; a longer one is malformed and the connection is dropped. */
    static final int MAX_HANDSHAKE_BODY = 1024;

    /** sun_path holds 108 bytes; the receiver also binds at {@code <address>.new}, 4 bytes longer. */
    static final int MAX_ADDRESS_BYTES = 100;

    private FrameDescriptor() {
    }

    /** Writes a header at {@code buffer}'s position and advances past it. */
    static void putHeader(ByteBuffer buffer, int bodyLength, byte type, byte flags) {
        // One big-endian long (length, type, flags, reserved zero): four bounds-checked puts on a
        // direct buffer were a third of a batching sender's time.
        // Every frame buffer keeps ByteBuffer's default big-endian order.
        buffer.putLong(((long) bodyLength << 32) | ((type & 0xFFL) << 24) | ((flags & 0xFFL) << 16));
    }

    static int bodyLength(ByteBuffer buffer, int frameStart) {
        return buffer.getInt(frameStart + LENGTH_OFFSET);
    }

    static byte flags(ByteBuffer buffer, int frameStart) {
        return buffer.get(frameStart + FLAGS_OFFSET);
    }

    static byte type(ByteBuffer buffer, int frameStart) {
        return buffer.get(frameStart + TYPE_OFFSET);
    }

    /**
     * The length of the whole frame starting at the buffer's position if all of it is between
     * position and limit, 0 if more bytes must be read first.
     *
     * @throws IllegalStateException (with key=value context) if the body length is negative or over
     *                               {@code maxBody}: a peer that breaks the format is dropped
     */
    static int completeFrameLength(ByteBuffer buffer, int maxBody) {
        int start = buffer.position();
        if (buffer.limit() - start < HEADER_LENGTH) {
            return 0;
        }
        int body = bodyLength(buffer, start);
        if (body < 0 || body > maxBody) {
            throw new IllegalStateException("frame too long: bodyLength=" + Integer.toUnsignedString(body)
                    + " max=" + maxBody + " type=" + type(buffer, start));
        }
        return buffer.limit() - start - HEADER_LENGTH >= body ? HEADER_LENGTH + body : 0;
    }

    static void checkMagicAndVersion(ByteBuffer body, int start, String peer) {
        int magic = body.getInt(start + MAGIC_OFFSET);
        int version = Short.toUnsignedInt(body.getShort(start + VERSION_OFFSET));
        if (magic != MAGIC) {
            throw new IllegalStateException("not an ipcspec socket peer: magic=0x" + Integer.toHexString(magic)
                    + " expected=0x" + Integer.toHexString(MAGIC) + " peer=" + peer);
        }
        if (version != VERSION) {
            throw new IllegalStateException("version not compatible: app=" + VERSION + " " + peer + "=" + version);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String utf8(ByteBuffer buffer, int offset, int length) {
        byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
