package org.ipcspec.harness.steps;

import static org.ipcspec.harness.steps.Violations.require;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.cucumber.java.en.Then;

import org.ipcspec.harness.scenario.ScenarioWorld;
import org.ipcspec.harness.spec.Rule;

/** P1: what a channel creates on disk is its owner's alone, and a planted link is not followed. */
public final class PermissionSteps {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final ScenarioWorld world;

    public PermissionSteps(ScenarioWorld world) {
        this.world = world;
    }

    /** Everything under the scenario folder (which the harness made) was made by the channel. */
    @Then("everything the channel created is accessible to its owner only")
    public void ownerOnly() throws IOException {
        List<String> open = new ArrayList<>();
        List<Path> all;
        try (Stream<Path> walk = Files.walk(world.directory())) {
            all = walk.filter(p -> !p.equals(world.directory())).toList();
        }
        for (Path path : all) {
            if (Files.isSymbolicLink(path)) {
                continue;
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            if (permissions.stream().anyMatch(OTHERS::contains)) {
                open.add(world.directory().relativize(path) + " (" + PosixFilePermissions.toString(permissions) + ")");
            }
        }
        require(!all.isEmpty(), Rule.P1, "the channel created nothing under " + world.directory() + " to check");
        require(open.isEmpty(), Rule.P1, "readable or writable by others than the owner: " + String.join(", ", open));
    }

    @Then("the link's target is untouched")
    public void targetUntouched() throws IOException {
        Path target = world.directory().resolve("target");
        require(Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS), Rule.P1, "the link's target " + target + " was replaced or removed");
        require(Files.readString(target, StandardCharsets.UTF_8).equals(ChannelSteps.PLANTED_TARGET_CONTENT), Rule.P1,
                "the link's target " + target + " was written through the planted link");
        require(Files.getPosixFilePermissions(target).equals(PosixFilePermissions.fromString("rw-------"))
                        || !Files.getPosixFilePermissions(target).contains(PosixFilePermission.OTHERS_WRITE), Rule.P1,
                "the link's target's permissions were changed");
    }
}
