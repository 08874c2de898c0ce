package org.ipcspec.harness.cli;

import java.nio.file.Path;

import org.ipcspec.harness.scenario.Checkout;

/**
 * The ipcspec checkout the command runs from: the launcher passes it as {@code -Dipcspec.home};
 * otherwise it is found by walking up from the working directory to the folder with
 * {@code features/reference.yaml}.
 */
final class Home {

    private Home() {
    }

    static Path path() {
        String given = System.getProperty("ipcspec.home");
        if (given != null && !given.isBlank()) {
            return Path.of(given).toAbsolutePath().normalize();
        }
        return Checkout.find().orElseThrow(() ->
                new IllegalStateException("cannot find the ipcspec checkout: run ./ipcspec from it, or set -Dipcspec.home"));
    }

    static Path features() {
        return path().resolve("features");
    }

    static Path reports() {
        return path().resolve("reports");
    }

    static Path defaultProfile() {
        return path().resolve(Checkout.REFERENCE_PROFILE);
    }
}
