package org.ipcspec.harness.steps;

import java.time.Duration;

import io.cucumber.java.en.When;
import org.awaitility.Awaitility;

import org.ipcspec.harness.scenario.Participant;
import org.ipcspec.harness.scenario.ScenarioWorld;

/**
 * A process paused with SIGSTOP and resumed with SIGCONT, as a machine does to a process it swaps
 * out or a person to one they debug: what the other side does meanwhile is judged by the ordinary
 * steps and rules. A pause lasts at least the profile's blocking bound, so that a call of the
 * other side that returns within it cannot have been waiting for the paused process. Whatever is
 * paused at the end of a scenario is resumed before its processes are closed.
 */
public final class PauseSteps {

    private final ScenarioWorld world;
    /** When each participant paused by name was paused (harness clock). */
    private final java.util.Map<String, Long> pausedAt = new java.util.HashMap<>();

    public PauseSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("{participant} is paused")
    public void pause(String name) {
        world.pause(world.participant(name));
        pausedAt.put(name, System.nanoTime());
    }

    @When("{participant} is resumed")
    public void resume(String name) {
        Participant participant = world.participant(name);
        Duration lasted = Duration.ofNanos(System.nanoTime() - pausedAt.getOrDefault(name, 0L));
        Duration atLeast = world.blockedBound();
        if (world.isPaused(participant) && lasted.compareTo(atLeast) < 0) {
            Awaitility.await(participant.displayName() + "'s pause lasting the blocking bound")
                    .pollDelay(atLeast.minus(lasted)).atMost(atLeast.plusSeconds(5)).until(() -> true);
        }
        world.resume(participant);
    }

    /** A pause in the middle of a bulk run: stopped now, woken {@code ms} later. */
    @When("{participant} is paused for {int} ms")
    public void pauseFor(String name, int ms) {
        Participant participant = world.participant(name);
        world.pause(participant);
        Awaitility.await(participant.displayName() + "'s pause of " + ms + " ms")
                .pollDelay(Duration.ofMillis(ms)).atMost(Duration.ofMillis(ms).plusSeconds(5)).until(() -> true);
        world.resume(participant);
    }
}
