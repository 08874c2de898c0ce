package org.ipcspec.harness.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;

import org.ipcspec.harness.check.ScenarioFacts;
import org.ipcspec.harness.scenario.ScenarioWorld;
import org.ipcspec.harness.spec.Rule;

/**
 * What the channel left on disk, for the P1 checker: every file and folder in the scenario's
 * folder except what the harness itself put there (the folder, and a planted link and its target).
 */
final class ObservedFiles {

    private ObservedFiles() {
    }

    static ScenarioFacts facts(ScenarioWorld world) {
        ScenarioFacts.Builder facts = ScenarioFacts.builder();
        if (!world.rules().contains(Rule.P1)) {
            return facts.build();
        }
        Path root = world.directory();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                if (path.equals(root) || Files.isSymbolicLink(path) || path.equals(root.resolve("target"))) {
                    continue;
                }
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                facts.file(root.relativize(path).toString(), Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS), mode(permissions));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list what the channel created in " + root, e);
        }
        return facts.build();
    }

    static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }
}
