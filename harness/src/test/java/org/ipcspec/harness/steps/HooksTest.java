package org.ipcspec.harness.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ipcspec.harness.process.ProcessReaper;
import org.ipcspec.harness.scenario.Participant;
import org.ipcspec.harness.scenario.ScenarioWorld;

/** The end of a scenario: whatever throws while judging it, nothing it started outlives it. */
class HooksTest {

    @Test
    void aCheckerThatThrowsStillLeavesNoProcessAndNoFolderAndItsErrorIsTheOneReported() {
        ScenarioWorld world = new ScenarioWorld();
        world.scenario("judging throws", List.of("@O2"), "features/x.feature:3");
        Participant receiver = world.start("receiver");
        Path folder = world.directory();
        IllegalStateException checkerBug = new IllegalStateException("a checker's bug");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
            () -> Hooks.judge(world, (rules, history, facts, bounds) -> {
                throw checkerBug;
            }));

        assertSame(checkerBug, thrown, "the first failure is the one reported");
        assertFalse(receiver.process().isAlive(), "the endpoint outlived its scenario");
        assertFalse(Files.exists(folder), "the scenario folder outlived its scenario: " + folder);
        assertEquals(0, ProcessReaper.liveCount());
    }

    @Test
    void laterFailuresRideAlongWithTheFirst() {
        FirstFailure failure = new FirstFailure();
        IllegalStateException first = new IllegalStateException("first");
        AssertionError second = new AssertionError("second");
        failure.run(() -> {
            throw first;
        });
        assertEquals("kept", failure.get(() -> "kept", "otherwise"));
        assertEquals("otherwise", failure.get(() -> {
            throw second;
        }, "otherwise"));
        IllegalStateException thrown = assertThrows(IllegalStateException.class, failure::rethrow);
        assertSame(first, thrown);
        assertSame(second, thrown.getSuppressed()[0]);
    }
}
