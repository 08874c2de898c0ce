package org.ipcspec.harness.steps;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.StepDefinedEvent;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestStepFinished;

import org.ipcspec.harness.spec.Spelling;

/**
 * A person writing a scenario who misspells a step gets Cucumber's snippet, which invites them to
 * write Java. What they need is the step they meant: this plugin lists, for every undefined step,
 * the closest steps of the vocabulary (docs/steps.md), at file and line, when the run ends.
 */
public final class UndefinedStepReporter implements ConcurrentEventListener {

    private static final int SUGGESTIONS = 3;

    private final Set<String> vocabulary = new ConcurrentSkipListSet<>();
    private final List<String> undefined = new CopyOnWriteArrayList<>();
    private final PrintStream out = new PrintStream(System.err, true, StandardCharsets.UTF_8);

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(StepDefinedEvent.class, e -> vocabulary.add(e.getStepDefinition().getPattern()));
        publisher.registerHandlerFor(TestStepFinished.class, this::stepFinished);
        publisher.registerHandlerFor(TestRunFinished.class, e -> report());
    }

    private void stepFinished(TestStepFinished event) {
        if (event.getResult().getStatus() == Status.UNDEFINED && event.getTestStep() instanceof PickleStepTestStep step) {
            String text = step.getStep().getText();
            undefined.add(event.getTestCase().getUri() + ":" + step.getStep().getLine() + ": undefined step \"" + text
                    + "\"\n    did you mean:\n" + closest(text));
        }
    }

    private void report() {
        if (undefined.isEmpty()) {
            return;
        }
        out.println();
        out.println("ipcspec: " + undefined.size() + " undefined step(s). Use the steps listed in docs/steps.md (or `ipcspec steps`):");
        undefined.stream().distinct().forEach(u -> out.println("  " + u));
    }

    /** The vocabulary's patterns nearest to the text, by edit distance with parameters as wildcards. */
    String closest(String text) {
        return closest(text, vocabulary);
    }

    static String closest(String text, java.util.Collection<String> vocabulary) {
        List<String> ranked = new ArrayList<>(vocabulary);
        ranked.sort(Comparator.comparingInt(pattern -> Spelling.distance(normalise(text), normalise(pattern))));
        StringBuilder lines = new StringBuilder();
        for (String pattern : ranked.subList(0, Math.min(SUGGESTIONS, ranked.size()))) {
            lines.append("      ").append(pattern).append('\n');
        }
        return lines.toString().stripTrailing();
    }

    /** Numbers, quoted strings and parameters become one placeholder, so "message 3" is near "message {int}". */
    static String normalise(String step) {
        return step.toLowerCase(Locale.ROOT)
                .replaceAll("\\{[a-z]*}", "#")
                .replaceAll("\"[^\"]*\"", "#")
                .replaceAll("\\d+", "#");
    }
}
