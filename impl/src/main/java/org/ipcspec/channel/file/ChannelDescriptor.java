package org.ipcspec.channel.file;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.ipcspec.channel.ChannelException;
import org.ipcspec.channel.ChannelSpec;

/**
 * Layout of the {@code channel} metadata file, which the receiver writes in {@code tmp/}, fsyncs,
 * and renames over {@code ADDRESS/channel} at every open; all integers big-endian, unsigned:
 *
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +---------------------------------------------------------------+
 *   |                 magic: ASCII "IPFC"                           |  0
 *   +---------------------------------------------------------------+
 *   |                 version (1)                                   |  4
 *   +---------------------------------------------------------------+
 *   |                 capacity                                      |  8
 *   +---------------------------------------------------------------+
 *   |                 max_message_bytes                             | 12
 *   +---------------------------------------------------------------+
 *   |                 incarnation (64 bits)                         | 16
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                 content_type_length (0..255)                  | 24
 *   +---------------------------------------------------------------+
 *   |                 content_type, UTF-8                          ...  28
 *   +---------------------------------------------------------------+
 * </pre>
 * The file is exactly {@code 28 + content_type_length} bytes. The incarnation names the liveness
 * lock file {@code live.<16 lowercase hex digits>} of the receiver that wrote it.
 */
final class ChannelDescriptor {

    /** ASCII "IPFC", ipcspec file channel. */
    static final int MAGIC = 0x49504643;
    static final int VERSION = 1;

    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int CAPACITY_OFFSET = 8;
    static final int MAX_MESSAGE_BYTES_OFFSET = 12;
    static final int INCARNATION_OFFSET = 16;
    static final int CONTENT_TYPE_LENGTH_OFFSET = 24;
    static final int CONTENT_TYPE_OFFSET = 28;

    private ChannelDescriptor() {
    }

    /** What a sender needs to know about the channel. */
    record Metadata(int capacity, int maxMessageBytes, long incarnation, String contentType) {
    }

    static ByteBuffer encode(Metadata metadata) {
        byte[] type = metadata.contentType().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(CONTENT_TYPE_OFFSET + type.length).order(ByteOrder.BIG_ENDIAN);
        b.putInt(MAGIC_OFFSET, MAGIC)
                .putInt(VERSION_OFFSET, VERSION)
                .putInt(CAPACITY_OFFSET, metadata.capacity())
                .putInt(MAX_MESSAGE_BYTES_OFFSET, metadata.maxMessageBytes())
                .putLong(INCARNATION_OFFSET, metadata.incarnation())
                .putInt(CONTENT_TYPE_LENGTH_OFFSET, type.length)
                .put(CONTENT_TYPE_OFFSET, type);
        return b;
    }

    /** Decodes a whole metadata file; a wrong magic, version or length throws with both sides named. */
    static Metadata decode(ByteBuffer b) {
        checkFile(b);
        int length = b.getInt(CONTENT_TYPE_LENGTH_OFFSET);
        byte[] type = new byte[length];
        b.get(CONTENT_TYPE_OFFSET, type);
        return new Metadata(b.getInt(CAPACITY_OFFSET), b.getInt(MAX_MESSAGE_BYTES_OFFSET),
                b.getLong(INCARNATION_OFFSET), new String(type, StandardCharsets.UTF_8));
    }

    static void checkFile(ByteBuffer b) {
        if (b.limit() < CONTENT_TYPE_OFFSET) {
            throw new ChannelException("channel metadata too short: length=" + b.limit() + " min=" + CONTENT_TYPE_OFFSET);
        }
        int magic = b.getInt(MAGIC_OFFSET);
        if (magic != MAGIC) {
            throw new ChannelException("not an ipcspec file channel: magic=0x" + Integer.toHexString(magic)
                    + " expected=0x" + Integer.toHexString(MAGIC));
        }
        int version = b.getInt(VERSION_OFFSET);
        if (version != VERSION) {
            throw new ChannelException("version not compatible: app=" + VERSION + " file=" + version);
        }
        int length = b.getInt(CONTENT_TYPE_LENGTH_OFFSET);
        if (length < 0 || length > ChannelSpec.MAX_CONTENT_TYPE_BYTES || b.limit() != CONTENT_TYPE_OFFSET + length) {
            throw new ChannelException("channel metadata length does not match: length=" + b.limit()
                    + " content_type_length=" + length);
        }
        if (b.getInt(CAPACITY_OFFSET) < 1 || b.getInt(MAX_MESSAGE_BYTES_OFFSET) < 1) {
            throw new ChannelException("channel metadata out of range: capacity=" + b.getInt(CAPACITY_OFFSET)
                    + " max_message_bytes=" + b.getInt(MAX_MESSAGE_BYTES_OFFSET));
        }
    }
}
