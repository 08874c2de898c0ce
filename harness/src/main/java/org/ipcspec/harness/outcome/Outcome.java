package org.ipcspec.harness.outcome;

import java.util.Collection;
import java.util.Locale;

import org.opentest4j.IncompleteExecutionException;
import org.opentest4j.TestAbortedException;

/**
 * How a scenario ended, ordered by how bad it is for the verdict, least bad first (in the manner
 * of jcstress's {@code Status}): a run, a matrix cell or a transport takes its worst outcome.
 * docs/protocol.md#outcomes is the table this enum implements; {@link #of(Throwable)} and
 * {@link #exitStatus(Collection)} are the one place the code decides it.
 */
public enum Outcome {
    /** Not run (filtered out by tags): says nothing about the implementation, so it never hides a pass. */
    SKIPPED,
    /** Every rule the scenario checks held. */
    PASSED,
    /**
     * It passed, but the profile waives it as a known failure: the waiver is out of date. Not a
     * failure (exit 0), unless the run is strict about waivers (exit 1).
     */
    UNEXPECTED_PASS,
    /** A rule was broken, as the profile's waiver says it will be: known, reported, not failed (exit 0). */
    WAIVED,
    /** The implementation declines what the scenario needs (a transport, an op): skipped, not failed. */
    UNSUPPORTED,
    /** The scenario itself is wrong (steps it cannot use, a rule it cannot exercise): the spec writer's to fix. */
    SPEC_ERROR,
    /** The run could not judge: the implementation crashed, never said hello, broke the protocol; or the harness failed. */
    BROKEN,
    /** The implementation broke a rule. */
    FAILED;

    /** "passed", "spec error", ...: what people read. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** "passed", "spec-error": a word for CSS classes and file names. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Outcome worst(Outcome other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /**
     * How a scenario that threw ended: a broken rule is an assertion, a declined feature an abort,
     * a defect of the spec a {@link SpecError}; everything else (a crashed or hung endpoint, a
     * protocol violation, a harness bug) is broken.
     */
    public static Outcome of(Throwable failure) {
        if (failure == null) {
            return PASSED;
        }
        if (failure instanceof AssertionError) {
            return FAILED;
        }
        if (failure instanceof TestAbortedException) {
            return UNSUPPORTED;
        }
        if (failure instanceof SpecError) {
            return SPEC_ERROR;
        }
        if (failure instanceof IncompleteExecutionException) {
            // Cucumber's undefined step: the scenario cannot run as written.
            return SPEC_ERROR;
        }
        return BROKEN;
    }

    /**
     * The run's exit status: 1 when any rule was seen broken (the implementation is known not to
     * conform, whatever else broke), else 2 when anything could not be judged, else 0.
     */
    public static int exitStatus(Collection<Outcome> outcomes) {
        return exitStatus(outcomes, false);
    }

    /**
     * As {@link #exitStatus(Collection)}; a strict run ({@code --strict-waivers}) also takes a
     * waived scenario that passed as 1: its waiver must go.
     */
    public static int exitStatus(Collection<Outcome> outcomes, boolean strictWaivers) {
        if (outcomes.contains(FAILED) || (strictWaivers && outcomes.contains(UNEXPECTED_PASS))) {
            return 1;
        }
        return outcomes.contains(BROKEN) || outcomes.contains(SPEC_ERROR) ? 2 : 0;
    }
}
