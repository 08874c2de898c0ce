package org.ipcspec.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class SeqDigestTest {

    /** The values docs/protocol.md gives implementers, computed independently with a bitwise CRC-32C. */
    @Test
    void matchesThePublishedDigests() {
        assertEquals("7e433189", SeqDigest.ofRange(1, 1));
        assertEquals("c6f84d54", SeqDigest.ofRange(1, 1000));
    }

    @Test
    void orderMattersAndRangesAgreeWithLists() {
        List<Long> ordered = LongStream.rangeClosed(1, 20_000).boxed().toList();
        assertEquals(SeqDigest.ofRange(1, 20_000), SeqDigest.of(ordered));
        assertNotEquals(SeqDigest.of(List.of(1L, 2L)), SeqDigest.of(List.of(2L, 1L)));
    }
}
