package org.ipcspec.harness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes Allure's {@code environment.properties} into a results directory: the facts a reader of
 * a report needs to judge a figure (which implementation, which JVM, which kernel, how many cores,
 * which profile). Allure reads the file with {@link java.util.Properties#load(java.io.InputStream)},
 * that is as ISO-8859-1, so anything outside printable ASCII is written as a unicode escape.
 */
public final class AllureEnvironment {

    public static final String FILE_NAME = "environment.properties";

    private AllureEnvironment() {
    }

    /**
     * The standard entries, in report order: implementation, implementation.version, jvm, kernel,
     * cores, profile.
     */
    public static Map<String, String> standard(String implementation, String version, Path profile) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("implementation", implementation);
        env.put("implementation.version", version);
        env.put("jvm", System.getProperty("java.vm.name", "?") + " " + System.getProperty("java.runtime.version",
            System.getProperty("java.version", "?")));
        env.put("kernel", System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "?")
            + " (" + System.getProperty("os.arch", "?") + ")");
        env.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        env.put("profile", profile == null ? "" : profile.toString());
        return env;
    }

    /** Writes {@code entries} (in their iteration order) to {@code resultsDir/environment.properties}. */
    public static Path write(Path resultsDir, Map<String, String> entries) throws IOException {
        Files.createDirectories(resultsDir);
        Path file = resultsDir.resolve(FILE_NAME);
        Files.writeString(file, format(entries), StandardCharsets.ISO_8859_1);
        return file;
    }

    static String format(Map<String, String> entries) {
        StringBuilder out = new StringBuilder();
        entries.forEach((key, value) -> out.append(escape(key, true)).append('=').append(escape(value == null ? "" : value, false)).append('\n'));
        return out.toString();
    }

    /** The escaping of {@link java.util.Properties#store}, written out so the order of entries is kept. */
    private static String escape(String s, boolean key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                case '=', ':', '#', '!' -> out.append('\\').append(c);
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
