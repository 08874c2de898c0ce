package org.ipcspec.endpoint;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * What a {@code receive_many} saw from one sender (docs/protocol.md#receive_many): counts for
 * diagnosis and the digest as evidence. The digest is the CRC-32C of the {@code seq} values as
 * unsigned 64-bit big-endian integers in arrival order, duplicates included.
 *
 * <p>The seqs wait in a small buffer and go through the CRC {@link #DIGEST_CHUNK} at a time: the
 * JDK's CRC-32C intrinsic costs 7-10 ns a call here whatever the length up to a few hundred bytes,
 * so a call per 8-byte seq was as dear as the rest of a 64-byte message's checks.
 */
final class SenderStats {

    /** Seqs folded into the digest by one CRC call. */
    static final int DIGEST_CHUNK = 64;
    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final CRC32C crc = new CRC32C();
    private final byte[] seqBytes = new byte[DIGEST_CHUNK * 8];
    private int seqsBuffered;
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
        BIG_ENDIAN_LONG.set(seqBytes, seqsBuffered * 8, seq);
        if (++seqsBuffered == DIGEST_CHUNK) {
            foldBuffered();
        }
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
        foldBuffered();
        return hex8(crc.getValue());
    }

    private void foldBuffered() {
        crc.update(seqBytes, 0, seqsBuffered * 8);
        seqsBuffered = 0;
    }

    static String hex8(long value) {
        String h = Long.toHexString(value & 0xFFFF_FFFFL);
        return "00000000".substring(h.length()) + h;
    }
}
