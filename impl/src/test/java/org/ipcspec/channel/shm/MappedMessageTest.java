package org.ipcspec.channel.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small message read or written in place: big-endian accesses inside the payload, nothing outside it. */
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
    void writesThePayloadBigEndianAtOffsetsFromItsStartAndNothingAroundIt() throws Exception {
        SharedBuffer buffer = ShmChannelFile.create(dir.resolve("c"), 4, 4096, "application/octet-stream");
        int at = ShmFileDescriptor.HEADER_LENGTH + 3; // unaligned, as no write may assume otherwise
        MappedMessage message = new MappedMessage(buffer).moveTo(at, 13);

        message.putInt(0, 0xA0A1A2A3);
        message.putLong(4, 0xA4A5A6A7A8A9AAABL);
        message.putByte(12, (byte) 0xAC);
        byte[] around = new byte[15];
        buffer.getBytes(at - 1, around);
        for (int i = 0; i < 13; i++) {
            assertEquals((byte) (0xA0 + i), around[i + 1], "byte " + i);
        }
        assertEquals(0, around[0], "the byte before");
        assertEquals(0, around[14], "the byte after");
        IndexOutOfBoundsException past = assertThrows(IndexOutOfBoundsException.class, () -> message.putLong(6, -1));
        assertTrue(past.getMessage().contains("offset=6 size=8 length=13"), past.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> message.putInt(10, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> message.putByte(13, (byte) -1));
        assertThrows(IndexOutOfBoundsException.class, () -> message.putByte(-1, (byte) -1));
        buffer.getBytes(at - 1, around);
        assertEquals(0, around[14], "a refused put wrote nothing");
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
