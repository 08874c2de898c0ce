package org.ipcspec.harness.check;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The evidence of O1 and O2 in bulk runs (docs/protocol.md#receive_many): the CRC-32C of a sender's
 * seq values as unsigned 64-bit big-endian integers, in arrival order, as 8 lowercase hex digits.
 * The harness computes the digest it expects and compares it with the receiver's.
 */
public final class SeqDigest {

    private final CRC32C crc = new CRC32C();
    private final ByteBuffer buffer = ByteBuffer.allocate(8 * 1024);

    public SeqDigest add(long seq) {
        if (!buffer.hasRemaining()) {
            flush();
        }
        buffer.putLong(seq);
        return this;
    }

    public String hex() {
        flush();
        return String.format("%08x", crc.getValue());
    }

    /** The digest of first, first+1, ..., last: what a complete, ordered run must arrive with. */
    public static String ofRange(long first, long last) {
        SeqDigest digest = new SeqDigest();
        for (long seq = first; seq <= last; seq++) {
            digest.add(seq);
        }
        return digest.hex();
    }

    public static String of(Iterable<Long> seqs) {
        SeqDigest digest = new SeqDigest();
        seqs.forEach(digest::add);
        return digest.hex();
    }

    private void flush() {
        crc.update(buffer.flip());
        buffer.clear();
    }
}
