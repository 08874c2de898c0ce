package org.ipcspec.harness.cli;

import java.nio.file.Path;

import org.ipcspec.harness.scenario.Bundle;
import org.ipcspec.harness.scenario.Checkout;

/**
 * The ipcspec home the command runs from: the launcher passes its checkout as
 * {@code -Dipcspec.home}; otherwise the checkout found by walking up from the working directory to
 * the folder with {@code features/reference.yaml}; otherwise (java -jar ipcspec.jar, anywhere) the
 * features and reference endpoint the jar carries, unpacked ({@link Bundle}).
 */
final class Home {

    private Home() {
    }

    static Path path() {
        Path checkout = checkout();
        if (checkout != null) {
            return checkout;
        }
        return Bundle.home().orElseThrow(() ->
                new IllegalStateException("cannot find the ipcspec checkout: run ./ipcspec from it, or set -Dipcspec.home"));
    }

    /** The checkout, or null when the command runs from the jar outside one. */
    private static Path checkout() {
        String given = System.getProperty("ipcspec.home");
        if (given != null && !given.isBlank()) {
            return Path.of(given).toAbsolutePath().normalize();
        }
        return Checkout.find().orElse(null);
    }

    static Path features() {
        return path().resolve("features");
    }

    /** The checkout's reports/; outside a checkout, ./reports, where the person running it is. */
    static Path reports() {
        Path checkout = checkout();
        return checkout != null ? checkout.resolve("reports") : Path.of("reports").toAbsolutePath();
    }

    static Path defaultProfile() {
        return path().resolve(Checkout.REFERENCE_PROFILE);
    }
}
