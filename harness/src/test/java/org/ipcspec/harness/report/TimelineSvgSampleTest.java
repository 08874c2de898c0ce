package org.ipcspec.harness.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Writes sample pictures to target/report-samples for a person to look at. */
class TimelineSvgSampleTest {

    @Test
    void writesSampleTimeline() throws Exception {
        Path file = Samples.DIR.resolve("timeline.svg");
        TimelineSvg.write(Samples.scenario(), file);
        assertTrue(Files.size(file) > 1000);
        Xml.parse(Files.readString(file));
    }
}
