package org.ipcspec.harness.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** docs/steps.md is what people write scenarios from: every step that exists must be in it. */
class StepVocabularyDocTest {

    @Test
    void everyStepIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("../docs/steps.md"));
        List<String> missing = new ArrayList<>();
        for (Class<?> type : StepsCommand.STEP_CLASSES) {
            for (String step : StepsCommand.steps(type)) {
                if (!doc.contains("`" + step + "`")) {
                    missing.add(step);
                }
            }
        }
        assertTrue(missing.isEmpty(), "steps missing from docs/steps.md: " + missing);
    }
}
