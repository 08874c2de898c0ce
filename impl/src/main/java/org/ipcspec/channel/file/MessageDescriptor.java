package org.ipcspec.channel.file;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Layout of a message file: a 20-byte header, then the payload; integers big-endian, unsigned.
 *
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +---------------------------------------------------------------+
 *   |                 magic: ASCII "IPFM"                           |  0
 *   +---------------------------------------------------------------+
 *   |                 version (1)                                   |  4
 *   +---------------------------------------------------------------+
 *   |                 sender_id                                     |  8
 *   +---------------------------------------------------------------+
 *   |                 payload_length                                | 12
 *   +---------------------------------------------------------------+
 *   |                 crc: CRC-32C of bytes 0..15, then the payload | 16
 *   +---------------------------------------------------------------+
 *   |                 payload                                      ...  20
 *   +---------------------------------------------------------------+
 * </pre>
 * A message file is intact when it is exactly {@code 20 + payload_length} bytes long, magic and
 * version match, and the CRC matches. The rename into {@code new/} publishes a file only once it is
 * complete; the checks catch what a rename cannot: a file torn by a power loss on an asynchronous
 * send (no fsync), or anything else written into the queue.
 */
final class MessageDescriptor {

    /** ASCII "IPFM", ipcspec file message. */
    static final int MAGIC = 0x4950464D;
    static final int VERSION = 1;

    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int SENDER_ID_OFFSET = 8;
    static final int PAYLOAD_LENGTH_OFFSET = 12;
    static final int CRC_OFFSET = 16;
    static final int HEADER_LENGTH = 20;

    private MessageDescriptor() {
    }

    /** Fills {@code header} (position 0, limit {@link #HEADER_LENGTH}) for {@code payload}'s remaining bytes. */
    static void encodeHeader(ByteBuffer header, int senderId, ByteBuffer payload, CRC32C crc) {
        header.clear();
        header.putInt(MAGIC_OFFSET, MAGIC)
                .putInt(VERSION_OFFSET, VERSION)
                .putInt(SENDER_ID_OFFSET, senderId)
                .putInt(PAYLOAD_LENGTH_OFFSET, payload.remaining());
        crc.reset();
        crc.update(header.duplicate().limit(CRC_OFFSET));
        crc.update(payload.duplicate());
        header.putInt(CRC_OFFSET, (int) crc.getValue());
        header.limit(HEADER_LENGTH);
    }

    /**
     * Why the whole file in {@code file} (position 0 to limit) is not an intact message of at most
     * {@code maxPayload} bytes, or null when it is.
     */
    static String whyNotIntact(ByteBuffer file, int maxPayload, CRC32C crc) {
        int length = file.limit();
        if (length < HEADER_LENGTH) {
            return "shorter than a header: length=" + length;
        }
        int magic = file.getInt(MAGIC_OFFSET);
        if (magic != MAGIC) {
            return "bad magic: magic=0x" + Integer.toHexString(magic);
        }
        int version = file.getInt(VERSION_OFFSET);
        if (version != VERSION) {
            return "version not compatible: app=" + VERSION + " file=" + version;
        }
        long payloadLength = Integer.toUnsignedLong(file.getInt(PAYLOAD_LENGTH_OFFSET));
        if (payloadLength != length - HEADER_LENGTH || payloadLength > maxPayload) {
            return "length does not match: payload_length=" + payloadLength + " file_length=" + length
                    + " max_message_bytes=" + maxPayload;
        }
        crc.reset();
        crc.update(file.duplicate().position(0).limit(CRC_OFFSET));
        crc.update(file.duplicate().position(HEADER_LENGTH));
        int expected = file.getInt(CRC_OFFSET);
        if ((int) crc.getValue() != expected) {
            return "crc does not match: file=0x" + Integer.toHexString(expected)
                    + " computed=0x" + Integer.toHexString((int) crc.getValue());
        }
        return null;
    }
}
