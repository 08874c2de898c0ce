package org.ipcspec.channel.shm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copies between the mapping and heap arrays: a long at a time, then the odd bytes, then the bulk copy. */
class SharedBufferCopyTest {

    @TempDir
    Path dir;

    @Test
    void everyLengthCopiesExactlyItsBytesBothWays() throws Exception {
        SharedBuffer buffer = ShmChannelFile.create(dir.resolve("c"), 4, 4096, "application/octet-stream");
        int at = ShmFileDescriptor.HEADER_LENGTH + 3; // odd, as a payload never is: no alignment assumed
        for (int length = 0; length <= 300; length++) {
            byte[] zeros = new byte[length + 16];
            buffer.putBytes(at - 8, zeros);
            byte[] source = new byte[length + 5];
            for (int i = 0; i < source.length; i++) {
                source[i] = (byte) (i * 31 + length);
            }
            buffer.putBytes(at, source, 5, length);

            byte[] copied = new byte[length + 16];
            buffer.getBytes(at - 8, copied);
            for (int i = 0; i < copied.length; i++) {
                byte expected = i < 8 || i >= 8 + length ? 0 : source[5 + i - 8];
                assertEquals(expected, copied[i], "length=" + length + " byte " + (i - 8));
            }
            byte[] back = new byte[length];
            buffer.getBytes(at, back, length);
            byte[] expected = new byte[length];
            System.arraycopy(source, 5, expected, 0, length);
            assertArrayEquals(expected, back, "length=" + length);
        }
    }
}
