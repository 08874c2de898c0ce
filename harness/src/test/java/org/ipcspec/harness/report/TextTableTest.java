package org.ipcspec.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The one text table: the bench's figures and the run's summary both print through it. */
class TextTableTest {

    @Test
    void columnsAlignNamesLeftAndFiguresRight() {
        TextTable table = new TextTable(Set.of(0), "name", "value");
        table.add(List.of("a", "1"));
        table.add(List.of("long name", "12345"));
        List<String> lines = table.render().lines().toList();
        assertEquals("name       value", lines.get(0));
        assertEquals("---------  -----", lines.get(1));
        assertEquals("a              1", lines.get(2));
        assertEquals("long name  12345", lines.get(3));
    }

    @Test
    void aRuleGoesWhereAsked() {
        TextTable table = new TextTable(Set.of(0), "name", "n");
        table.add(List.of("x", "1"));
        table.rule();
        table.add(List.of("total", "1"));
        assertEquals(List.of("name   n", "-----  -", "x      1", "-----  -", "total  1"), table.render().lines().toList());
    }

    @Test
    void aRowOfTheWrongWidthIsRefusedAndControlCharactersAreReplaced() {
        TextTable table = new TextTable(Set.of(0), "name", "n");
        assertThrows(IllegalArgumentException.class, () -> table.add(List.of("x")));
        table.add(List.of("e\u001b[31m", "1"));
        assertEquals("e?[31m  1", table.render().lines().toList().get(2));
    }
}
