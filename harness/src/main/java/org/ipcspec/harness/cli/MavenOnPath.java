package org.ipcspec.harness.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a {@code mvn} command is on the PATH: the jar runs on machines that have none. */
final class MavenOnPath {

    private MavenOnPath() {
    }

    static boolean found() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "mvn"))) {
                return true;
            }
        }
        return false;
    }
}
