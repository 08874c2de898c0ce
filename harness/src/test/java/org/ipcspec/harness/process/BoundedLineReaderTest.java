package org.ipcspec.harness.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    @Test
    void readsLinesAndAFinalLineWithoutNewline() throws IOException {
        BoundedLineReader reader = reader("a\n\nüñí\nlast", 100);
        assertEquals("a", reader.readLine());
        assertEquals("", reader.readLine());
        assertEquals("üñí", reader.readLine());
        assertEquals("last", reader.readLine());
        assertNull(reader.readLine());
    }

    @Test
    void anOversizedLineIsConsumedAndReportedThenReadingGoesOn() throws IOException {
        String big = "x".repeat(200_000);
        BoundedLineReader reader = reader("ok\n" + big + "\nafter\n", 1000);
        assertEquals("ok", reader.readLine());
        assertSame(BoundedLineReader.OVERSIZED, reader.readLine());
        assertEquals("after", reader.readLine());
        assertNull(reader.readLine());
    }

    private static BoundedLineReader reader(String text, int max) {
        return new BoundedLineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    }
}
