package org.ipcspec.channel.shm;

import org.ipcspec.channel.ChannelException;

/**
 * Layout of an shm channel file: a fixed header, then the ring of records. All integers are
 * little-endian; positions and counts are 64-bit so they never wrap in practice.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                 Magic "IPSM" (0x4D535049)                     |  0
 *  +---------------------------------------------------------------+
 *  |                 Version (1)                                   |  4
 *  +---------------------------------------------------------------+
 *  |                 Header Length (8192): where the ring starts   |  8
 *  +---------------------------------------------------------------+
 *  |                 Ring Size (a power of two)                    | 12
 *  +---------------------------------------------------------------+
 *  |                 Capacity (uncollected messages per sender)    | 16
 *  +---------------------------------------------------------------+
 *  |                 Max Message Bytes                             | 20
 *  +---------------------------------------------------------------+
 *  |                 State: 1 OPEN, 2 CLOSED, 3 DEAD               | 24
 *  +---------------------------------------------------------------+
 *  |                 Sender Slots (64)                             | 28
 *  +---------------------------------------------------------------+
 *  |                 Receiver PID (64 bits)                        | 32
 *  +---------------------------------------------------------------+
 *  |                 ... zero up to 64                             |
 *  +---------------------------------------------------------------+
 *  |                 Content Type Length (0..255)                  | 64
 *  +---------------------------------------------------------------+
 *  |                 Content Type, UTF-8, zero-padded (255 bytes)  | 68..323
 *  +---------------------------------------------------------------+
 *  |                 Tail Position (64 bits), own 128-byte block   | 384
 *  +---------------------------------------------------------------+
 *  |                 Head Position (64 bits), own 128-byte block   | 512
 *  +---------------------------------------------------------------+
 *  |                 Writer Lock: holder's PID or 0 (64 bits)      | 640
 *  +---------------------------------------------------------------+
 *  |                 Sender Table: 64 slots of 64 bytes            | 1024..5120
 *  |                 (see SenderSlotDescriptor)                    |
 *  +---------------------------------------------------------------+
 *  |                 ... zero up to 8192                           |
 *  +---------------------------------------------------------------+
 *  |                 Ring: Ring Size bytes of records              | 8192
 *  |                 (see RecordDescriptor)                        |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * Tail, head and the writer lock sit in blocks of their own because different processes write
 * them on every message; sharing a cache line would make each write evict the others' line.
 */
final class ShmFileDescriptor {

    /** "IPSM" in file byte order. */
    static final int MAGIC = 0x4D535049;
    static final int VERSION = 1;

    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int HEADER_LENGTH_OFFSET = 8;
    static final int RING_SIZE_OFFSET = 12;
    static final int CAPACITY_OFFSET = 16;
    static final int MAX_MESSAGE_BYTES_OFFSET = 20;
    static final int STATE_OFFSET = 24;
    static final int SENDER_SLOTS_OFFSET = 28;
    static final int RECEIVER_PID_OFFSET = 32;
    static final int CONTENT_TYPE_LENGTH_OFFSET = 64;
    static final int CONTENT_TYPE_OFFSET = 68;
    static final int CONTENT_TYPE_MAX_BYTES = 255;
    static final int TAIL_POSITION_OFFSET = 384;
    static final int HEAD_POSITION_OFFSET = 512;
    static final int WRITER_LOCK_OFFSET = 640;
    static final int SENDER_TABLE_OFFSET = 1024;
    static final int HEADER_LENGTH = 8192;

    static final int STATE_OPEN = 1;
    static final int STATE_CLOSED = 2;
    static final int STATE_DEAD = 3;

    /**
     * No ring grows past this; beyond it a channel reports FULL for the channel as a whole. Kept
     * within a small machine's last-level cache (32 MB here, shared by both processes): a stream
     * sweeps the whole ring, and through a 64 MiB ring every 4 KiB message went to memory and back.
     * 4 KiB one-way, batches 3-6 of four alternating pairs: 64 MiB 1.5-2.6 M msg/s, 16 MiB 1.8-4.1,
     * 8 MiB 2.1-5.3, 4 MiB 1.5-4.0 (the sender found it full too often); 64-byte messages ran alike
     * with any of them (docs/performance.md, fourth pass).
     */
    static final int MAX_RING_SIZE = 8 * 1024 * 1024;
    /** The ring must hold two largest records, so an empty ring always has room (padding included). */
    static final int MAX_RING_SIZE_FOR_LARGE_MESSAGES = 1 << 30;

    private ShmFileDescriptor() {
    }

    /**
     * About {@code capacity} largest records, as a power of two, capped at {@link #MAX_RING_SIZE},
     * but never below two largest records.
     */
    static int ringSizeFor(int capacity, int maxMessageBytes) {
        long maxRecord = RecordDescriptor.alignedLength(RecordDescriptor.HEADER_LENGTH + (long) maxMessageBytes);
        long wanted = Math.min(Math.max((long) capacity * maxRecord, 2 * maxRecord), MAX_RING_SIZE);
        wanted = Math.max(wanted, 2 * maxRecord);
        if (wanted > MAX_RING_SIZE_FOR_LARGE_MESSAGES) {
            throw new ChannelException("max_message_bytes too large for an shm ring: maxMessageBytes="
                    + maxMessageBytes + " limit=" + (MAX_RING_SIZE_FOR_LARGE_MESSAGES / 2 - RecordDescriptor.HEADER_LENGTH - 8));
        }
        return (int) Math.max(1024, Long.highestOneBit(wanted - 1) << 1);
    }

    static long fileLength(int ringSize) {
        return (long) HEADER_LENGTH + ringSize;
    }

    /** Fails unless the file starts with this implementation's magic and version. */
    static void checkVersion(SharedBuffer buffer) {
        int magic = buffer.getInt(MAGIC_OFFSET);
        if (magic != MAGIC) {
            throw new ChannelException("not an shm channel file: magic app=0x" + Integer.toHexString(MAGIC)
                    + " file=0x" + Integer.toHexString(magic));
        }
        int version = buffer.getInt(VERSION_OFFSET);
        if (version != VERSION) {
            throw new ChannelException("version not compatible: app=" + VERSION + " file=" + version);
        }
    }

    /** Fails unless the header's sizes describe a file of {@code fileLength} bytes. */
    static void checkHeader(SharedBuffer buffer, long fileLength) {
        int headerLength = buffer.getInt(HEADER_LENGTH_OFFSET);
        int ringSize = buffer.getInt(RING_SIZE_OFFSET);
        if (headerLength != HEADER_LENGTH || ringSize <= 0 || Integer.bitCount(ringSize) != 1
                || fileLength != fileLength(ringSize)) {
            throw new ChannelException("corrupt shm header: headerLength=" + headerLength + " ringSize=" + ringSize
                    + " fileLength=" + fileLength);
        }
        int slots = buffer.getInt(SENDER_SLOTS_OFFSET);
        if (slots != SenderSlotDescriptor.SLOTS) {
            throw new ChannelException("corrupt shm header: senderSlots=" + slots + " expected=" + SenderSlotDescriptor.SLOTS);
        }
        int contentTypeLength = buffer.getInt(CONTENT_TYPE_LENGTH_OFFSET);
        if (contentTypeLength < 0 || contentTypeLength > CONTENT_TYPE_MAX_BYTES) {
            throw new ChannelException("corrupt shm header: contentTypeLength=" + contentTypeLength);
        }
    }

    static String stateName(int state) {
        return switch (state) {
            case STATE_OPEN -> "OPEN";
            case STATE_CLOSED -> "CLOSED";
            case STATE_DEAD -> "DEAD";
            default -> "UNKNOWN(" + state + ")";
        };
    }
}
