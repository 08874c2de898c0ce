package org.ipcspec.harness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Carries Allure's history from one report to the next in the same reports folder: the previous
 * report's {@code history/} is copied into the results before the new report is generated, which
 * is how Allure builds its Trend, its retries and its "new failed" marks. A run cleans its results
 * folder first, so without this each report would remember only itself.
 */
public final class AllureHistory {

    private AllureHistory() {
    }

    /** The single-file report embeds each data file as {@code d('history/NAME.json','BASE64')}. */
    private static final Pattern EMBEDDED = Pattern.compile("d\\('history/([a-z-]+\\.json)','([A-Za-z0-9+/=]*)'\\)");

    /** @return how many history files were carried (0 when there was no earlier report) */
    public static int carry(Path previousReport, Path results) throws IOException {
        Path from = previousReport.resolve("history");
        Path index = previousReport.resolve("index.html");
        if (!Files.isDirectory(from)) {
            return Files.isRegularFile(index) ? fromSingleFile(index, results) : 0;
        }
        Path to = Files.createDirectories(results.resolve("history"));
        int count = 0;
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    count++;
                }
            }
        }
        return count;
    }

    /** A report made with --single-file has no history folder: its history files are inside index.html. */
    private static int fromSingleFile(Path index, Path results) throws IOException {
        Matcher m = EMBEDDED.matcher(Files.readString(index, StandardCharsets.UTF_8));
        int count = 0;
        while (m.find()) {
            Path to = Files.createDirectories(results.resolve("history"));
            Files.write(to.resolve(m.group(1)), Base64.getDecoder().decode(m.group(2)));
            count++;
        }
        return count;
    }
}
