package org.ipcspec.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class XmlWriterTest {

    @Test
    void escapesSpecialsAndReplacesWhatXmlCannotHold() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", XmlWriter.escape("<a href=\"x\">&'"));
        assertEquals("a\uFFFDb\uFFFDc\t\n", XmlWriter.escape("a\u0000b\uD800c\t\n"));
        assertEquals("\uD83D\uDE00", XmlWriter.escape("\uD83D\uDE00"), "a valid surrogate pair is kept");
    }

    @Test
    void refusesToFinishWithOpenElements() {
        XmlWriter w = new XmlWriter().start("svg");
        assertThrows(IllegalStateException.class, w::finish);
    }

    @Test
    void formatsNumbersWithoutExponents() {
        assertEquals("12", XmlWriter.format(12.0));
        assertEquals("0.33", XmlWriter.format(1.0 / 3));
        assertEquals("1234567.50", XmlWriter.format(1234567.5));
    }
}
