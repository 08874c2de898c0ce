package org.ipcspec.harness.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The ipcspec checkout a run belongs to: the nearest folder, from the working directory up, that
 * holds the shipped reference profile. Maven runs the suite in {@code harness/}, people run the
 * command from the top or below it; both find the same checkout.
 */
public final class Checkout {

    /** What marks a checkout, relative to its top. */
    public static final String REFERENCE_PROFILE = "features/reference.yaml";

    private Checkout() {
    }

    public static Optional<Path> find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(REFERENCE_PROFILE))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
