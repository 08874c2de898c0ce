package org.ipcspec.endpoint;

import java.util.zip.CRC32C;

/**
 * What a {@code receive_many} saw from one sender (docs/protocol.md#receive_many): counts for
 * diagnosis and the digest as evidence. The digest is the CRC-32C of the {@code seq} values as
 * unsigned 64-bit big-endian integers in arrival order, duplicates included.
 */
final class SenderStats {

    private final CRC32C crc = new CRC32C();
    private final byte[] seqBytes = new byte[8];
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
        for (int i = 7; i >= 0; i--) {
            seqBytes[i] = (byte) seq;
            seq >>>= 8;
        }
        crc.update(seqBytes, 0, 8);
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
        return hex8(crc.getValue());
    }

    static String hex8(long value) {
        String h = Long.toHexString(value & 0xFFFF_FFFFL);
        return "00000000".substring(h.length()) + h;
    }
}
