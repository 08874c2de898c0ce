package org.ipcspec.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FILE:LINE and --name as a person types them, and what they pick. */
class ScenarioSelectionTest {

    @TempDir
    Path dir;

    private Path feature() throws Exception {
        return Files.writeString(dir.resolve("mine.feature"), String.join("\n",
                "Feature: f", "", "  @S1", "  # why", "  Scenario: one", "    Given a shm channel", ""));
    }

    @Test
    void aFileWithLinesPicksThoseLinesAndATagLinePicksWhatItTags() throws Exception {
        Path file = feature();
        ScenarioSelection.Place place = ScenarioSelection.parse(List.of(file + ":3:6"), null).places().get(0);
        assertEquals(Set.of(5, 6), place.lines());
        assertTrue(place.holds(file + ":5"));
        assertFalse(place.holds(file + ":4"));
        assertFalse(place.holds(dir.resolve("other.feature") + ":5"));
    }

    @Test
    void aFileAloneHoldsEveryLineOfIt() throws Exception {
        Path file = feature();
        ScenarioSelection.Place place = ScenarioSelection.parse(List.of(file.toString()), null).places().get(0);
        assertTrue(place.holds(file + ":5"));
        assertTrue(place.holds(file.toString()));
    }

    @Test
    void whatNamesNothingIsAnErrorNamingIt() throws Exception {
        feature();
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ScenarioSelection.parse(List.of(dir.resolve("nope.feature") + ":3"), null));
        assertTrue(missing.getMessage().contains("nope.feature"), missing.getMessage());
        IllegalArgumentException notLine = assertThrows(IllegalArgumentException.class,
                () -> ScenarioSelection.parse(List.of(dir.resolve("mine.feature") + ":eight"), null));
        assertTrue(notLine.getMessage().contains("FILE:LINE"), notLine.getMessage());
        IllegalArgumentException badName = assertThrows(IllegalArgumentException.class,
                () -> ScenarioSelection.parse(List.of(), "stays (blocked"));
        assertTrue(badName.getMessage().contains("--name"), badName.getMessage());
    }
}
