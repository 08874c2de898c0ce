package org.ipcspec.endpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.IntStream;

import org.ipcspec.channel.MessageBytes;
import org.ipcspec.channel.testing.ArrayMessage;
import org.junit.jupiter.api.Test;

class PayloadTest {

    @Test
    void layoutIsByteForByteTheProtocols() {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        Payload.write(buffer, 0x0102030405060708L, 0xFFFFFFFEL, 30);
        Payload.putSentT(buffer, -2);
        byte[] expected = {
                'I', 'P', 'C', '1',
                1, 2, 3, 4, 5, 6, 7, 8,                                   // seq, big-endian
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE,       // sender_id, u32 big-endian
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,       // sent_t = -2, i64 big-endian
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE,
                // filler: (seq * 7 + i) mod 256; seq * 7 ends in 0x38, so i = 24..29 gives 0x50..0x55
                0x50, 0x51, 0x52, 0x53, 0x54, 0x55,
        };
        assertEquals(0, buffer.position());
        assertEquals(30, buffer.limit());
        byte[] actual = new byte[30];
        buffer.duplicate().get(actual);
        assertArrayEquals(expected, actual);
    }

    @Test
    void fillerWrapsModulo256() {
        ByteBuffer buffer = ByteBuffer.allocate(300);
        Payload.write(buffer, 1, 1, 300);
        for (int i = 24; i < 300; i++) {
            assertEquals((byte) ((7 + i) % 256), buffer.get(i), "offset " + i);
        }
    }

    @Test
    void readsBackTheHeaderAndChecksTheFiller() {
        ByteBuffer buffer = ByteBuffer.allocate(128);
        Payload.write(buffer, (1L << 53) - 1, 7, 100);
        Payload.putSentT(buffer, 123_456_789L);
        // As a receiver sees it: a message at a non-zero position of a larger buffer.
        ByteBuffer received = ByteBuffer.allocate(200);
        received.position(10);
        received.put(buffer.duplicate());
        received.flip().position(10);
        assertTrue(Payload.isGenerated(received));
        assertTrue(Payload.hasHeader(received));
        assertEquals((1L << 53) - 1, Payload.seq(received));
        assertEquals(7, Payload.senderId(received));
        assertEquals(123_456_789L, Payload.sentT(received));
        assertTrue(Payload.fillerIntact(received));

        received.put(10 + 99, (byte) (received.get(10 + 99) ^ 1));
        assertFalse(Payload.fillerIntact(received), "a flipped bit in the last filler byte");
    }

    @Test
    void bulkFillerMatchesTheDefinitionAtEverySizeAndCatchesAnyDamagedByte() {
        for (int size : new int[] {24, 25, 64, 280, 4096, 4120, 4121, 8192 + 24 + 3, 65536}) {
            for (long seq : new long[] {0, 1, 37, 255, 1L << 40}) {
                ByteBuffer buffer = ByteBuffer.allocate(size);
                Payload.write(buffer, seq, 1, size);
                for (int i = Payload.HEADER_LENGTH; i < size; i++) {
                    assertEquals((byte) (seq * 7 + i), buffer.get(i), "size=" + size + " seq=" + seq + " i=" + i);
                }
                assertTrue(Payload.fillerIntact(buffer));
                if (size > Payload.HEADER_LENGTH) {
                    int last = size - 1;
                    buffer.put(last, (byte) (buffer.get(last) + 1));
                    assertFalse(Payload.fillerIntact(buffer), "last byte damaged: size=" + size + " seq=" + seq);
                }
            }
        }
    }

    @Test
    void shortFillersAreCheckedAtEveryByteOnBothSidesOfTheLongCompare() {
        // Fillers up to SHORT_FILLER bytes are compared 8 at a time, then byte by byte: damage
        // each byte in turn, at lengths that end on and off an 8-byte boundary, across the limit.
        for (int filler = 0; filler <= Payload.SHORT_FILLER + 9; filler++) {
            int size = Payload.HEADER_LENGTH + filler;
            for (long seq : new long[] {3, 36, 255}) {
                ByteBuffer buffer = ByteBuffer.allocate(size);
                Payload.write(buffer, seq, 1, size);
                assertTrue(Payload.fillerIntact(buffer), "size=" + size + " seq=" + seq);
                for (int i = Payload.HEADER_LENGTH; i < size; i++) {
                    byte good = buffer.get(i);
                    buffer.put(i, (byte) (good ^ 0x40));
                    assertFalse(Payload.fillerIntact(buffer), "byte " + i + " damaged: size=" + size + " seq=" + seq);
                    buffer.put(i, good);
                }
            }
        }
    }

    @Test
    void aMessageReadInPlaceReadsAsTheBufferAndEveryDamagedFillerByteIsFound() {
        // The MessageBytes readers, the shm receiver's for messages up to 1 KiB: header fields as
        // from a buffer, filler 8 bytes then byte by byte, every byte of it checked. Every size up
        // to 17 whole filler words and a tail: each entry and exit of the short fillers' unrolled
        // compare (up to 16 words), and the loop just above it.
        int[] sizes = IntStream.concat(IntStream.rangeClosed(Payload.HEADER_LENGTH, Payload.HEADER_LENGTH + 17 * 8 + 7),
                IntStream.of(255, 1024)).toArray();
        for (int size : sizes) {
            for (long seq : new long[] {0, 36, 255, (1L << 53) - 1}) {
                ByteBuffer buffer = ByteBuffer.allocate(size);
                Payload.write(buffer, seq, 0xFFFF_FFF0L, size);
                Payload.putSentT(buffer, -3);
                MessageBytes message = new ArrayMessage(buffer);
                assertTrue(Payload.isGenerated(message));
                assertEquals(seq, Payload.seq(message));
                assertEquals(0xFFFF_FFF0L, Payload.senderId(message));
                assertEquals(-3, Payload.sentT(message));
                assertTrue(Payload.fillerIntact(message), "size=" + size + " seq=" + seq);
                for (int i = Payload.HEADER_LENGTH; i < size; i++) {
                    byte good = buffer.get(i);
                    buffer.put(i, (byte) (good ^ 0x01));
                    assertFalse(Payload.fillerIntact(message), "byte " + i + " damaged: size=" + size + " seq=" + seq);
                    buffer.put(i, good);
                }
            }
        }
        assertFalse(Payload.isGenerated(new ArrayMessage(ByteBuffer.wrap("IPC".getBytes(StandardCharsets.US_ASCII)))),
                "shorter than the magic: text");
    }

    @Test
    void aRunWritesTheSamePayloadsAsOneByOneWritesIntoHeapAndDirectTargetsAndFieldByField() {
        for (int size : new int[] {24, 31, 64, 152, 153, 4096, 4096 * 2 + 100}) {
            PayloadRun run = new PayloadRun(7, size).from(254, -2);
            for (ByteBuffer target : new ByteBuffer[] {ByteBuffer.allocate(size + 10), ByteBuffer.allocateDirect(size + 10)}) {
                for (int index = 0; index < 3; index++) {
                    run.write(index, target, 10);
                    ByteBuffer one = ByteBuffer.allocate(size);
                    Payload.write(one, 254 + index, 7, size);
                    Payload.putSentT(one, -2);
                    byte[] written = new byte[size];
                    target.get(10, written);
                    assertArrayEquals(one.array(), written, "size=" + size + " message " + index + " direct=" + target.isDirect());
                    assertTrue(Payload.fillerIntact(target.duplicate().position(10).limit(10 + size)), "checked in place too");
                }
            }
            for (int index = 0; index < 3; index++) {
                ByteBuffer one = ByteBuffer.allocate(size);
                Payload.write(one, 254 + index, 7, size);
                Payload.putSentT(one, -2);
                ByteBuffer written = ByteBuffer.allocate(size);
                run.write(index, new ArrayMessage(written));
                assertArrayEquals(one.array(), written.array(), "size=" + size + " message " + index + " written field by field");
            }
        }
    }

    @Test
    void aDamagedFillerIsFoundInADirectBuffer() {
        int size = 3 * Payload.CHUNK + 77;
        ByteBuffer direct = ByteBuffer.allocateDirect(size);
        new PayloadRun(1, size).from(9, 0).write(0, direct, 0);
        assertTrue(Payload.fillerIntact(direct));
        for (int i : new int[] {Payload.HEADER_LENGTH, Payload.CHUNK, 2 * Payload.CHUNK + 1, size - 1}) {
            byte good = direct.get(i);
            direct.put(i, (byte) (good + 1));
            assertFalse(Payload.fillerIntact(direct), "byte " + i);
            assertEquals(0, direct.position(), "position left as it was");
            assertEquals(size, direct.limit(), "limit left as it was");
            direct.put(i, good);
        }
    }

    @Test
    void aViewOfChannelMemoryIsCheckedThroughOneScratchAtEveryFillerByte() {
        // as the shm receiver hands messages over: a window of a larger direct buffer, one scratch for all
        byte[] scratch = new byte[Payload.CHUNK];
        for (int size : new int[] {153, 1024, Payload.CHUNK + 24, 2 * Payload.CHUNK + 31}) {
            ByteBuffer ring = ByteBuffer.allocateDirect(size + 40);
            new PayloadRun(3, size).from(41, 0).write(0, ring, 16);
            ByteBuffer view = ring.asReadOnlyBuffer().position(16).limit(16 + size);
            assertTrue(Payload.fillerIntact(view, scratch), "size=" + size);
            for (int i = Payload.HEADER_LENGTH; i < size; i++) {
                byte good = ring.get(16 + i);
                ring.put(16 + i, (byte) (good ^ 0x40));
                assertFalse(Payload.fillerIntact(view, scratch), "byte " + i + " damaged: size=" + size);
                ring.put(16 + i, good);
                assertEquals(16, view.position(), "position left as it was");
            }
            assertTrue(Payload.fillerIntact(view, scratch), "intact again after every damage: size=" + size);
        }
    }

    @Test
    void textIsNotGenerated() {
        assertFalse(Payload.isGenerated(ByteBuffer.wrap("<p>hi</p>".getBytes(StandardCharsets.UTF_8))));
        assertFalse(Payload.isGenerated(ByteBuffer.wrap(new byte[] {'I', 'P', 'C'})));
        assertTrue(SendOps.startsWithMagic("IPC1 and more".getBytes(StandardCharsets.UTF_8)));
        assertFalse(SendOps.startsWithMagic("IPC".getBytes(StandardCharsets.UTF_8)));
        assertFalse(SendOps.startsWithMagic("ipc1".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesSizesBelowTheHeader() {
        assertThrows(IllegalArgumentException.class, () -> Payload.write(ByteBuffer.allocate(64), 1, 1, 23));
        ByteBuffer exact = ByteBuffer.allocate(24);
        Payload.write(exact, 1, 1, 24);
        assertTrue(Payload.fillerIntact(exact));
        byte[] header = Arrays.copyOf(exact.array(), 4);
        assertArrayEquals("IPC1".getBytes(StandardCharsets.US_ASCII), header);
    }
}
