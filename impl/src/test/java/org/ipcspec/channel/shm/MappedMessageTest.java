package org.ipcspec.channel.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small message read in place: big-endian reads inside the payload, nothing outside it. */
class MappedMessageTest {

    @TempDir
    Path dir;

    @Test
    void readsThePayloadBigEndianAtOffsetsFromItsStart() throws Exception {
        SharedBuffer buffer = ShmChannelFile.create(dir.resolve("c"), 4, 4096, "application/octet-stream");
        int at = ShmFileDescriptor.HEADER_LENGTH + 5; // unaligned, as no read may assume otherwise
        byte[] bytes = new byte[16];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (0xA0 + i);
        }
        buffer.putBytes(at, bytes);
        MappedMessage message = new MappedMessage(buffer).moveTo(at, 16);

        assertEquals(16, message.length());
        assertEquals((byte) 0xA0, message.getByte(0));
        assertEquals((byte) 0xAF, message.getByte(15));
        assertEquals(0xA1A2A3A4, message.getInt(1));
        assertEquals(0xA8A9AAABACADAEAFL, message.getLong(8));
        assertEquals(0xA8A9AAABACADAEAFL, message.moveTo(at + 8, 8).getLong(0), "moved to the next record");
    }

    @Test
    void refusesReadsOutsideThePayloadAndRangesOutsideTheMapping() throws Exception {
        SharedBuffer buffer = ShmChannelFile.create(dir.resolve("c"), 4, 4096, "application/octet-stream");
        MappedMessage message = new MappedMessage(buffer).moveTo(ShmFileDescriptor.HEADER_LENGTH, 12);

        assertEquals(0, message.getInt(8), "the last whole int");
        IndexOutOfBoundsException past = assertThrows(IndexOutOfBoundsException.class, () -> message.getLong(5));
        assertTrue(past.getMessage().contains("offset=5 size=8 length=12"), past.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> message.getInt(9));
        assertThrows(IndexOutOfBoundsException.class, () -> message.getByte(12));
        assertThrows(IndexOutOfBoundsException.class, () -> message.getByte(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> message.moveTo(buffer.capacity() - 8, 9));
    }
}
