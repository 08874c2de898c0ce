package org.ipcspec.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;

class Crc32cTest {

    @Test
    void foldsEachValueAsEightBigEndianBytesLikeTheJdksCrc32c() {
        SplittableRandom random = new SplittableRandom(42);
        CRC32C jdk = new CRC32C();
        int register = Crc32c.INITIAL;
        ByteBuffer bytes = ByteBuffer.allocate(8);
        for (int i = 0; i < 10_000; i++) {
            // every byte position matters: whole-range values, small ones and ones with a single byte set
            long value = switch (i % 3) {
                case 0 -> random.nextLong();
                case 1 -> random.nextLong(1 << 20);
                default -> 0xFFL << (8 * random.nextInt(8));
            };
            jdk.update(bytes.putLong(0, value).array(), 0, 8);
            register = Crc32c.updateBigEndian(register, value);
            assertEquals(jdk.getValue(), Crc32c.value(register), "after " + (i + 1) + " values, the last " + value);
        }
    }

    @Test
    void givesTheProtocolsExampleDigests() {
        assertEquals(0x7e433189L, Crc32c.value(Crc32c.updateBigEndian(Crc32c.INITIAL, 1)), "seq 1 alone");
        int register = Crc32c.INITIAL;
        for (long seq = 1; seq <= 1000; seq++) {
            register = Crc32c.updateBigEndian(register, seq);
        }
        assertEquals(0xc6f84d54L, Crc32c.value(register), "1..1000 in order");
        assertEquals(0xFFFF_FFFFL & ~Crc32c.INITIAL, Crc32c.value(Crc32c.INITIAL), "no values: CRC 0");
    }
}
