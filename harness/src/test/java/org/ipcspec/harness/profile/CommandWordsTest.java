package org.ipcspec.harness.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommandWordsTest {

    @Test
    void splitsOnBlanksHonouringQuotesAndEscapes() {
        assertEquals(List.of("python3", "my endpoint.py", "--name", "it's", "a b"),
                CommandWords.split("python3 'my endpoint.py'  --name \"it's\" a\\ b"));
        assertEquals(List.of("sh", "-c", "echo \"hi\"; exit 3"), CommandWords.split("sh -c 'echo \"hi\"; exit 3'"));
        assertEquals(List.of(""), CommandWords.split("''"));
    }

    @Test
    void rejectsUnbalancedQuotesAndEmptyCommands() {
        assertThrows(IllegalArgumentException.class, () -> CommandWords.split("python3 'oops"));
        assertThrows(IllegalArgumentException.class, () -> CommandWords.split("   "));
    }
}
