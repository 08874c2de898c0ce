package org.ipcspec.endpoint;

/**
 * What a {@code receive_many} saw from one sender (docs/protocol.md#receive_many): counts for
 * diagnosis and the digest as evidence. The digest is the CRC-32C of the {@code seq} values as
 * unsigned 64-bit big-endian integers in arrival order, duplicates included.
 */
final class SenderStats {

    private int crc = Crc32c.INITIAL;
    private final SeenSeqs seen = new SeenSeqs();
    private long received;
    private long firstSeq;
    private long lastSeq;
    private long outOfOrder;
    private long duplicates;

    void arrived(long seq) {
        if (received == 0) {
            firstSeq = seq;
        } else if (seq < seen.max()) {
            // Lower than one already seen; a duplicate of an earlier seq counts here too.
            outOfOrder++;
        }
        if (!seen.add(seq)) {
            duplicates++;
        }
        received++;
        lastSeq = seq;
        crc = Crc32c.updateBigEndian(crc, seq);
    }

    long received() {
        return received;
    }

    long firstSeq() {
        return firstSeq;
    }

    long lastSeq() {
        return lastSeq;
    }

    long outOfOrder() {
        return outOfOrder;
    }

    long duplicates() {
        return duplicates;
    }

    /** 8 lowercase hex digits. */
    String digest() {
        return hex8(Crc32c.value(crc));
    }

    static String hex8(long value) {
        String h = Long.toHexString(value & 0xFFFF_FFFFL);
        return "00000000".substring(h.length()) + h;
    }
}
