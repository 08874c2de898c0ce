package org.ipcspec.harness.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.ipcspec.harness.spec.Spelling;

class UndefinedStepReporterTest {

    @Test
    void suggestsTheClosestStepsOfTheVocabulary() throws Exception {
        UndefinedStepReporter reporter = new UndefinedStepReporter();
        vocabulary(reporter).addAll(List.of("{participant} stays blocked", "{participant} sends message {int}",
                "a {transport} channel with capacity {int}", "{participant} returns {string} at once"));
        String suggestions = reporter.closest("the sendr sends mesage 3");
        assertTrue(suggestions.strip().startsWith("{participant} sends message {int}"), suggestions);
        assertEquals(3, suggestions.strip().split("\n").length);
    }

    @Test
    void parametersCompareAsOnePlaceholder() {
        assertEquals(UndefinedStepReporter.normalise("sends message 42 of 64 bytes"),
                UndefinedStepReporter.normalise("sends message {int} of {int} bytes"));
        assertEquals(UndefinedStepReporter.normalise("returns \"ok\""), UndefinedStepReporter.normalise("returns {string}"));
    }

    @Test
    void editDistance() {
        assertEquals(0, Spelling.distance("abc", "abc"));
        assertEquals(1, Spelling.distance("sendr", "sender"));
        assertEquals(3, Spelling.distance("", "abc"));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> vocabulary(UndefinedStepReporter reporter) throws Exception {
        Field field = UndefinedStepReporter.class.getDeclaredField("vocabulary");
        field.setAccessible(true);
        return (Set<String>) field.get(reporter);
    }
}
