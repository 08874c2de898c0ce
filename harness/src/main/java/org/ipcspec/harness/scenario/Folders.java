package org.ipcspec.harness.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a folder tree (scenario folders, old results, a benchmark's addresses). */
public final class Folders {

    private Folders() {
    }

    /**
     * Deletes everything under {@code root}, deepest first, and {@code root} itself unless
     * {@code keepRoot}. An absent root is nothing to do.
     */
    public static void deleteTree(Path root, boolean keepRoot) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!keepRoot || !path.equals(root)) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
