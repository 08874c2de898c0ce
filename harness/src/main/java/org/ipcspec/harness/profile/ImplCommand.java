package org.ipcspec.harness.profile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ipcspec.harness.spec.Vocabulary;

/**
 * Another implementation given only by its command ({@code --impl "python3 endpoint.py"},
 * {@code -Dipcspec.impl=...}), held to a profile's bounds: every transport is tried, and its hello
 * decides what it offers.
 */
public final class ImplCommand {

    private ImplCommand() {
    }

    /** @param label how the profile's file reads in reports, e.g. "(--impl)" */
    public static Profile profile(String command, Profile bounds, String label) {
        List<String> argv = CommandWords.split(command);
        return new Profile(Path.of("").toAbsolutePath().resolve(label), Path.of(argv.get(0)).getFileName().toString(),
                argv, Map.of(), Vocabulary.TRANSPORTS, bounds.bounds(), bounds.bulkCount(), bounds.sampleEvery());
    }
}
