package org.ipcspec.harness.steps;

import java.util.function.Supplier;

/**
 * Runs the parts of a clean-up each in turn, whatever the ones before threw: the first failure is
 * the one reported, later ones ride along as suppressed, so none is lost and none masks the first.
 */
final class FirstFailure {

    private Throwable first;

    void run(Runnable part) {
        try {
            part.run();
        } catch (RuntimeException | Error e) {
            keep(e);
        }
    }

    /** The part's value, or {@code otherwise} when it threw. */
    <T> T get(Supplier<T> part, T otherwise) {
        try {
            return part.get();
        } catch (RuntimeException | Error e) {
            keep(e);
            return otherwise;
        }
    }

    private void keep(Throwable e) {
        if (first == null) {
            first = e;
        } else if (first != e) {
            first.addSuppressed(e);
        }
    }

    java.util.Optional<Throwable> first() {
        return java.util.Optional.ofNullable(first);
    }

    /** Throws the first failure, if there was one. */
    void rethrow() {
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }
}
