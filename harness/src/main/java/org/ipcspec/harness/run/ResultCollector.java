package org.ipcspec.harness.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.opentest4j.TestAbortedException;

import org.ipcspec.harness.outcome.Outcome;
import org.ipcspec.harness.outcome.ScenarioResult;
import org.ipcspec.harness.outcome.SpecError;
import org.ipcspec.harness.process.EndpointBrokenException;
import org.ipcspec.harness.spec.ScenarioTags;

/** Turns the JUnit Platform's events into {@link ScenarioResult}s, as scenarios finish. */
final class ResultCollector implements TestExecutionListener {

    private final List<ScenarioResult> results = new CopyOnWriteArrayList<>();
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Consumer<ScenarioResult> onResult;
    private volatile long total;

    ResultCollector(Consumer<ScenarioResult> onResult) {
        this.onResult = onResult;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        total = plan.countTestIdentifiers(TestIdentifier::isTest);
    }

    long total() {
        return total;
    }

    List<ScenarioResult> results() {
        return List.copyOf(results);
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            started.put(test.getUniqueId(), System.nanoTime());
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            add(test, Outcome.UNSUPPORTED, reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        Throwable failure = result.getThrowable().orElse(null);
        switch (result.getStatus()) {
            case SUCCESSFUL -> add(test, Outcome.PASSED, "");
            case ABORTED -> add(test, Outcome.UNSUPPORTED, message(failure));
            case FAILED -> add(test, Outcome.of(failure), message(failure));
        }
    }

    /**
     * The scenario's own name. Display names are long for readable JUnit XML ("Feature - Outline -
     * Examples - scenario"); the last part is the scenario (the examples' pickle name).
     */
    static String scenarioName(String displayName) {
        int cut = displayName.lastIndexOf(" - ");
        return cut < 0 ? displayName : displayName.substring(cut + 3);
    }

    private static String message(Throwable failure) {
        if (failure == null) {
            return "";
        }
        String message = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
        int snippet = message.indexOf("You can implement");
        if (snippet > 0) {
            // Cucumber's Java snippet tells a spec writer to write Java; the steps they meant are listed instead.
            message = SpecError.PREFIX + message.substring(0, snippet).strip() + " (see the suggestions above, or `ipcspec steps`)";
        }
        if (!(failure instanceof AssertionError) && !(failure instanceof EndpointBrokenException)
                && !(failure instanceof TestAbortedException) && !(failure instanceof SpecError)) {
            message = failure.getClass().getSimpleName() + ": " + message;
        }
        return message;
    }

    private void add(TestIdentifier test, Outcome outcome, String message) {
        Long start = started.remove(test.getUniqueId());
        Duration duration = start == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - start);
        ScenarioTags tags = ScenarioTags.of(test.getTags().stream().map(TestTag::getName).toList());
        ScenarioResult result = new ScenarioResult(scenarioName(test.getDisplayName()), Locations.of(test), tags, outcome, message,
            duration, "");
        results.add(result);
        onResult.accept(result);
    }
}
