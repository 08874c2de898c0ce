package org.ipcspec.harness.scenario;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where something is written in the spec, as a person would open it: {@code features/blocking.feature:31},
 * relative to the working folder when it lies inside it; never Cucumber's {@code classpath:} form.
 */
public final class SpecLocation {

    private SpecLocation() {
    }

    public static String of(URI uri, Integer line) {
        return path(uri) + (line == null ? "" : ":" + line);
    }

    static String path(URI uri) {
        if ("classpath".equals(uri.getScheme())) {
            String part = uri.getSchemeSpecificPart();
            return part.startsWith("/") ? part.substring(1) : part;
        }
        if ("file".equals(uri.getScheme())) {
            Path file = Path.of(uri).toAbsolutePath().normalize();
            Path here = Path.of("").toAbsolutePath();
            return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
        }
        return uri.toString();
    }
}
