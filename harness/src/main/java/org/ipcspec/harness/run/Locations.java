package org.ipcspec.harness.run;

import java.util.Optional;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TestIdentifier;

import org.ipcspec.harness.scenario.SpecLocation;

/** Where a scenario is written, as "features/blocking.feature:31", from its JUnit test source. */
final class Locations {

    private Locations() {
    }

    static String of(TestIdentifier test) {
        return test.getSource().map(Locations::of).orElse(test.getUniqueId());
    }

    static String of(TestSource source) {
        if (source instanceof ClasspathResourceSource resource) {
            return SpecLocation.of(java.net.URI.create("classpath:" + resource.getClasspathResourceName()), null) + line(resource.getPosition());
        }
        if (source instanceof FileSource file) {
            return file.getFile().getPath() + line(file.getPosition());
        }
        return source.toString();
    }

    /** A path as a person would type it: relative to the working folder when inside it. */
    static String relative(java.nio.file.Path path) {
        java.nio.file.Path file = path.toAbsolutePath().normalize();
        java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
        return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
    }

    private static String line(Optional<FilePosition> position) {
        return position.map(p -> ":" + p.getLine()).orElse("");
    }
}
