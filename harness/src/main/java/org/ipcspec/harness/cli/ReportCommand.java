package org.ipcspec.harness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.ipcspec.harness.report.AllureHistory;
import org.ipcspec.harness.report.RunSummary;

/**
 * {@code ipcspec report}: the Allure HTML report from the latest results. The Allure command line
 * comes from Maven Central through Maven's own resolver (mirrors and ~/.m2 apply), nothing else is
 * downloaded; it is unpacked once under the harness's target folder.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Generates the HTML report into reports/allure-report from reports/allure-results.")
final class ReportCommand implements Callable<Integer> {

    static final String ALLURE_VERSION = "2.34.0";
    static final String ARTIFACT = "io.qameta.allure:allure-commandline:" + ALLURE_VERSION + ":zip";

    @Option(names = "--results", paramLabel = "DIR", description = "Allure results (default: reports/allure-results).")
    Path results;

    @Option(names = "--output", paramLabel = "DIR", description = "Where the HTML goes (default: reports/allure-report).")
    Path output;

    @Option(names = "--summary", paramLabel = "FILE", description = "Run summaries to draw the matrix from, one per shard "
            + "(default: summary.json beside the results folder).")
    java.util.List<Path> summaries = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path from = results != null ? results : Home.reports().resolve("allure-results");
        Path to = output != null ? output : Home.reports().resolve("allure-report");
        if (!Files.isDirectory(from)) {
            System.err.println("ipcspec: no results at " + from + ": run `ipcspec run` first");
            return 2;
        }
        // The last report's history goes into the results, so Trend shows the runs before this one.
        AllureHistory.carry(to, from);
        Path allure;
        try {
            allure = allureCommand();
        } catch (AllureUnavailable e) {
            System.err.println("ipcspec: no HTML report: " + e.getMessage());
            return 2;
        }
        // One self-contained index.html: it opens from disk, with no web server.
        Process process = new ProcessBuilder(allure.toString(), "generate", from.toString(), "-o", to.toString(), "--clean",
                "--single-file").redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            System.err.println("ipcspec: allure generate failed:\n" + log);
            return 2;
        }
        System.out.println("Report: " + to.resolve("index.html") + "  (open it in a browser)");
        java.util.List<Path> drawn = summaries.isEmpty() ? beside(from) : summaries;
        if (drawn.isEmpty()) {
            System.out.println("Matrix: none (no " + RunSummary.FILE_NAME + " beside " + from + "; name one with --summary)");
            return 0;
        }
        Path into = to.toAbsolutePath().getParent();
        Path matrix = ReportMatrix.write(drawn, into, into.relativize(to.toAbsolutePath().resolve("index.html")).toString());
        System.out.println("Matrix: " + matrix + "  (from " + (drawn.size() == 1 ? drawn.get(0) : drawn.size() + " summaries") + ")");
        return 0;
    }

    private static java.util.List<Path> beside(Path results) {
        Path summary = results.toAbsolutePath().getParent().resolve(RunSummary.FILE_NAME);
        return Files.isRegularFile(summary) ? java.util.List.of(summary) : java.util.List.of();
    }

    static Path allureCommand() throws IOException, InterruptedException, AllureUnavailable {
        Path home = Home.path().resolve("harness/target/allure-" + ALLURE_VERSION);
        Path command = home.resolve("bin/allure");
        if (Files.isExecutable(command)) {
            return command;
        }
        Path zip = localRepository().resolve("io/qameta/allure/allure-commandline/" + ALLURE_VERSION
                + "/allure-commandline-" + ALLURE_VERSION + ".zip");
        if (!Files.isRegularFile(zip) && !MavenOnPath.found()) {
            throw new AllureUnavailable("Allure's command line (" + ARTIFACT + ") is fetched through Maven, and there is no `mvn` "
                    + "on the PATH (nor the zip at " + zip + "); install Maven, or make the report elsewhere from the results "
                    + "with `ipcspec report --results DIR`");
        }
        if (!Files.isRegularFile(zip)) {
            System.err.println("ipcspec: fetching the Allure command line " + ALLURE_VERSION + " through Maven (once) ...");
            Process mvn = new ProcessBuilder("mvn", "-q", "-B", "dependency:get", "-Dartifact=" + ARTIFACT).inheritIO().start();
            if (mvn.waitFor() != 0 || !Files.isRegularFile(zip)) {
                throw new IOException("cannot get " + ARTIFACT + " through Maven (looked for " + zip + ")");
            }
        }
        unzip(zip, home.getParent());
        Files.setPosixFilePermissions(command, PosixFilePermissions.fromString("rwxr-xr-x"));
        return command;
    }

    private static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    copy(in, target);
                }
            }
        }
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
