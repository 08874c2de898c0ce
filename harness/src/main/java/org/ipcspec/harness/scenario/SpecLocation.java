package org.ipcspec.harness.scenario;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where something is written in the spec, as a person would open it: {@code features/blocking.feature:31},
 * relative to the working folder when it lies inside it; never Cucumber's {@code classpath:} form.
 */
public final class SpecLocation {

    /** The folder of feature files of this run, when not the built-in one: its class path names map back to it. */
    private static volatile Path featuresRoot;

    private SpecLocation() {
    }

    /** A run of feature files from {@code folder} (null: the built-in features/). */
    public static void featuresFrom(Path folder) {
        featuresRoot = folder == null ? null : folder.toAbsolutePath().normalize();
    }

    public static String of(URI uri, Integer line) {
        return path(uri) + (line == null ? "" : ":" + line);
    }

    static String path(URI uri) {
        if ("classpath".equals(uri.getScheme())) {
            String part = uri.getSchemeSpecificPart();
            part = part.startsWith("/") ? part.substring(1) : part;
            Path root = featuresRoot;
            // A folder of one's own is put on the class path as a package named for it: "mine/first.feature".
            // The features the jar carries read as in a checkout, "features/blocking.feature" (see file()).
            if (root != null && root.getParent() != null && part.startsWith(root.getFileName() + "/")
                    && !Bundle.unpacked().map(home -> home.equals(root.getParent())).orElse(false)) {
                return relative(root.getParent().resolve(part));
            }
            return part;
        }
        if ("file".equals(uri.getScheme())) {
            return relative(Path.of(uri));
        }
        return uri.toString();
    }

    /**
     * The file a place in the spec names, as a person typed it or {@link #of} wrote it: relative to
     * the working folder, except that "features/..." with no such file there means the features
     * the jar carries, once unpacked (java -jar ipcspec.jar run features/blocking.feature:8).
     */
    public static Path file(String typed) {
        Path path = Path.of(typed);
        if (path.isAbsolute() || Files.exists(path)) {
            return path.toAbsolutePath().normalize();
        }
        return Bundle.unpacked().map(home -> home.resolve(path).normalize()).filter(Files::exists)
                .orElse(path.toAbsolutePath().normalize());
    }

    private static String relative(Path path) {
        Path file = path.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
    }
}
