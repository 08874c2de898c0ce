package org.ipcspec.harness.steps;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.Argument;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.StepDefinedEvent;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestStep;

import org.ipcspec.harness.scenario.SpecLocation;
import org.ipcspec.harness.spec.Rule;
import org.ipcspec.harness.spec.ScenarioTags;
import org.ipcspec.harness.spec.Spelling;
import org.ipcspec.harness.spec.Vocabulary;

/**
 * The spec check, as a Cucumber plugin of a dry run (nothing executes, no endpoint starts): for
 * each scenario it finds what would make it fail through no fault of the implementation, each
 * error with its file and line and the fix. {@link org.ipcspec.harness.run.SpecCheck} runs it.
 */
public final class SpecChecker implements ConcurrentEventListener {

    /** What the last dry run in this JVM found, in the order found, each once. */
    private static final Set<String> ERRORS = java.util.Collections.synchronizedSet(new LinkedHashSet<>());

    /**
     * What a rule needs a scenario to do before it can be judged at all: a rule tagged on a
     * scenario with none of these steps would pass for ever (or be a spec error at run time).
     */
    private static final Map<Rule, List<String>> EXERCISED_BY = Map.of(
            Rule.K1, List.of("is killed"),
            Rule.D1, List.of("is killed"),
            Rule.THROUGHPUT, List.of("throughput of"),
            Rule.LATENCY, List.of("latency of"));

    private final Set<String> vocabulary = new ConcurrentSkipListSet<>();

    public static void reset() {
        ERRORS.clear();
    }

    public static List<String> errors() {
        synchronized (ERRORS) {
            return List.copyOf(ERRORS);
        }
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(StepDefinedEvent.class, e -> vocabulary.add(e.getStepDefinition().getPattern()));
        publisher.registerHandlerFor(TestCaseStarted.class, e -> check(e.getTestCase()));
    }

    private void check(TestCase scenario) {
        String at = SpecLocation.of(scenario.getUri(), scenario.getLocation().getLine());
        ScenarioTags tags = ScenarioTags.of(scenario.getTags());
        for (String unknown : tags.unknown()) {
            String near = Spelling.closest(unknown, Rule.ids());
            ERRORS.add(at + ": scenario \"" + scenario.getName() + "\" is tagged @" + unknown + ", which is no rule"
                    + (near == null ? "" : " (did you mean @" + near.toUpperCase(java.util.Locale.ROOT) + "?)") + "; the rules are "
                    + String.join(", ", Rule.ids()));
        }
        Integer firstSender = null;
        boolean receiverSetUp = false;
        List<String> texts = new ArrayList<>();
        for (TestStep step : scenario.getTestSteps()) {
            if (!(step instanceof PickleStepTestStep pickle)) {
                continue;
            }
            String where = SpecLocation.of(pickle.getUri(), pickle.getStep().getLine());
            String text = pickle.getStep().getText();
            texts.add(text);
            String pattern = pickle.getPattern();
            if (pattern == null || pickle.getDefinitionArgument() == null) {
                ERRORS.add(where + ": undefined step \"" + text + "\"; did you mean:\n" + UndefinedStepReporter.closest(text, vocabulary));
                continue;
            }
            for (Argument argument : pickle.getDefinitionArgument()) {
                if ("transport".equals(argument.getParameterTypeName()) && !Vocabulary.isTransport(argument.getValue())) {
                    String near = Spelling.closest(argument.getValue(), Vocabulary.TRANSPORTS);
                    ERRORS.add(where + ": \"" + text + "\" names the transport '" + argument.getValue() + "'"
                            + (near == null ? "" : " (did you mean " + near + "?)") + "; the transports are "
                            + String.join(", ", Vocabulary.TRANSPORTS));
                }
            }
            if (pattern.contains("that receives")) {
                if (firstSender != null && !receiverSetUp) {
                    ERRORS.add(where + ": the receiver is set up after a sender (line " + firstSender + "); a sender's open waits "
                            + "for a live receiver, so set up the receiver first: move this step above line " + firstSender);
                }
                receiverSetUp = true;
            } else if (!receiverSetUp && firstSender == null && (pattern.contains("that sends") || pattern.contains("senders that send"))) {
                firstSender = pickle.getStep().getLine();
            }
        }
        for (Map.Entry<Rule, List<String>> needs : EXERCISED_BY.entrySet()) {
            if (tags.has(needs.getKey()) && texts.stream().noneMatch(t -> needs.getValue().stream().anyMatch(t::contains))) {
                ERRORS.add(at + ": scenario \"" + scenario.getName() + "\" is tagged @" + needs.getKey() + " but has no step that "
                        + "exercises it (a step with " + String.join(" or ", needs.getValue().stream().map(s -> "\"" + s + "\"").toList())
                        + "): add one, or remove the tag");
            }
        }
    }
}
