package org.ipcspec.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ipcspec.harness.report.MatrixPage;
import org.ipcspec.harness.report.RunSummary;

/**
 * The conformance matrix drawn from summary.json, never from a report's generated pages: the
 * summary is the run's record, so the shards of a CI run, their summaries merged, get one matrix.
 */
final class ReportMatrix {

    private ReportMatrix() {
    }

    /**
     * Merges the summaries (the shards of one run, or one run alone), writes the merged one to
     * {@code into/summary.json} when it is not one of them, and the matrix to {@code into/matrix.html}.
     *
     * @param reportLink the Allure report, relative to {@code into}; empty when there is none
     * @return the matrix page
     */
    static Path write(List<Path> summaries, Path into, String reportLink) throws IOException {
        List<RunSummary> read = new ArrayList<>();
        for (Path file : summaries) {
            read.add(RunSummary.read(file));
        }
        RunSummary merged = RunSummary.merge(read);
        Path summary = into.resolve(RunSummary.FILE_NAME);
        boolean isInput = false;
        for (Path file : summaries) {
            isInput |= Files.exists(summary) && Files.isSameFile(file, summary);
        }
        if (!isInput) {
            merged.write(summary);
        }
        Path matrix = into.resolve("matrix.html");
        MatrixPage.write("ipcspec conformance: " + merged.implementation(), merged.scenarios(), reportLink, matrix);
        return matrix;
    }
}
