package org.ipcspec.harness.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ipcspec.harness.process.ProcessReaper;

/**
 * A scenario that ends while a participant is paused: its end wakes it, so the endpoint exits by
 * itself on stdin EOF at once instead of the close waiting out the grace period and killing it.
 */
class PausedAtEndTest {

    @Test
    void aScenarioEndingWhileAParticipantIsPausedEndsAtOnce() {
        ScenarioWorld world = new ScenarioWorld();
        world.scenario("paused at the end", List.of(), "test");
        world.channel(ChannelSettings.of("shm"));
        Participant receiver = world.start("receiver");
        world.pause(receiver);
        assertTrue(world.isPaused(receiver));
        long began = System.nanoTime();
        world.close();
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertFalse(receiver.process().isAlive(), "the paused endpoint outlived its scenario");
        // The grace period is 5 s; the reference exits within a fraction of one once awake.
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "closing took " + took.toMillis() + " ms: it waited for a stopped process");
        assertTrue(receiver.process().awaitExit(Duration.ZERO).orElse(-1) == 0,
                "the endpoint was killed rather than exiting by itself (exit " + receiver.process().awaitExit(Duration.ZERO) + ")");
        assertTrue(ProcessReaper.liveCount() == 0, "processes left: " + ProcessReaper.liveCount());
    }
}
