package org.ipcspec.harness.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.ipcspec.harness.run.ConformanceRun;
import org.ipcspec.harness.run.RunOptions;

/**
 * docs/examples/maven-project as the invoker built it before the integration tests (in
 * target/it/maven-project): the suite ran inside that build, from the harness dependency alone,
 * against the command of -Dipcspec.impl, and left that build its own JUnit XML and Allure results.
 */
class ExampleMavenProjectIT {

    private static final Path EXAMPLE = Path.of(System.getProperty("ipcspec.example.dir", "target/it/maven-project"));

    @Test
    void theSuiteRanInTheUsersBuildAndLeftItsOwnReports() throws IOException {
        Path xml = EXAMPLE.resolve("target/failsafe-reports/TEST-org.ipcspec.harness.suite.ConformanceIT.xml");
        assertTrue(Files.isRegularFile(xml), "no " + xml + ": the invoker runs the example in pre-integration-test");
        String report = Files.readString(xml);
        // The invoker runs it with -Dcucumber.filter.tags="@S1 and @shm": four scenarios, every other one skipped.
        assertEquals(ConformanceRun.count(RunOptions.defaults()), count(report, "<testcase "), xml.toString());
        assertEquals(4, count(report, "<testcase ") - count(report, "<skipped"), xml.toString());
        assertTrue(report.contains("failures=\"0\"") && report.contains("errors=\"0\""), xml.toString());
        Path results = EXAMPLE.resolve("target/allure-results");
        try (Stream<Path> files = Files.list(results)) {
            assertTrue(files.filter(f -> f.getFileName().toString().endsWith("-result.json")).count() >= 4, results.toString());
        }
        // The implementation under test was the command of -Dipcspec.impl, not the default profile.
        assertTrue(Files.readString(results.resolve("environment.properties")).contains("(-Dipcspec.impl)"), results.toString());
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
