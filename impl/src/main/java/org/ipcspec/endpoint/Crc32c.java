package org.ipcspec.endpoint;

/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) of 64-bit values, eight bytes at a time
 * by eight tables (slicing-by-8). The digest of docs/protocol.md#receive_many folds each seq in
 * as 8 big-endian bytes; {@code java.util.zip.CRC32C} took 7-10 ns for that here (its intrinsic
 * is made for long inputs, and the seq had to be spread into a byte array first), this ~2 ns.
 * The register starts at {@link #INITIAL}; the CRC is {@link #value} of it.
 */
final class Crc32c {

    static final int INITIAL = 0xFFFF_FFFF;

    /** TABLES[k][b]: the register after byte b followed by k zero bytes; TABLES[0] is the classic table. */
    private static final int[][] TABLES = new int[8][256];

    static {
        for (int b = 0; b < 256; b++) {
            int crc = b;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc >>> 1) ^ (0x82F6_3B78 & -(crc & 1));
            }
            TABLES[0][b] = crc;
        }
        for (int k = 1; k < 8; k++) {
            for (int b = 0; b < 256; b++) {
                int previous = TABLES[k - 1][b];
                TABLES[k][b] = (previous >>> 8) ^ TABLES[0][previous & 0xFF];
            }
        }
    }

    private Crc32c() {
    }

    /** The register after the 8 bytes of {@code value}, most significant first (big-endian). */
    static int updateBigEndian(int register, long value) {
        // Bytes in stream order, first byte lowest, as slicing reads memory little-endian.
        long stream = Long.reverseBytes(value);
        int low = (int) stream ^ register;
        int high = (int) (stream >>> 32);
        int[][] t = TABLES;
        return t[7][low & 0xFF] ^ t[6][(low >>> 8) & 0xFF] ^ t[5][(low >>> 16) & 0xFF] ^ t[4][low >>> 24]
                ^ t[3][high & 0xFF] ^ t[2][(high >>> 8) & 0xFF] ^ t[1][(high >>> 16) & 0xFF] ^ t[0][high >>> 24];
    }

    /** The CRC of what the register has taken in, as an unsigned 32-bit value. */
    static long value(int register) {
        return ~register & 0xFFFF_FFFFL;
    }
}
