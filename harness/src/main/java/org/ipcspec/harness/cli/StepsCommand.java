package org.ipcspec.harness.cli;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import picocli.CommandLine.Command;

import org.ipcspec.harness.spec.Vocabulary;
import org.ipcspec.harness.steps.BulkSteps;
import org.ipcspec.harness.steps.CallSteps;
import org.ipcspec.harness.steps.ChannelSteps;
import org.ipcspec.harness.steps.DiskSteps;
import org.ipcspec.harness.steps.PauseSteps;
import org.ipcspec.harness.steps.PermissionSteps;
import org.ipcspec.harness.steps.HostileSteps;
import org.ipcspec.harness.steps.ProtocolSteps;
import org.ipcspec.harness.steps.ReopenSteps;

/** Lists the step vocabulary, read from the step definitions themselves, so it is never out of date. */
@Command(name = "steps", mixinStandardHelpOptions = true,
        description = "Lists the steps a scenario can use (see docs/steps.md for their meaning).")
final class StepsCommand implements Callable<Integer> {

    static final List<Class<?>> STEP_CLASSES = List.of(ChannelSteps.class, CallSteps.class, BulkSteps.class,
            PermissionSteps.class, ProtocolSteps.class, PauseSteps.class, DiskSteps.class, ReopenSteps.class,
            HostileSteps.class);

    @Override
    public Integer call() {
        print(System.out);
        return 0;
    }

    static void print(PrintStream out) {
        for (Class<?> type : STEP_CLASSES) {
            out.println(type.getSimpleName().replace("Steps", "").toLowerCase() + ":");
            for (String step : steps(type)) {
                out.println("  " + step);
            }
        }
        out.println("parameters: {transport} " + String.join("|", Vocabulary.TRANSPORTS) + ", {mode} synchronously|asynchronously,");
        out.println("  {participant} the sender|the receiver|the second sender|the new receiver|sender 2|...,");
        out.println("  {int} a whole number, {string} \"quoted text\"");
    }

    /** "Given a {transport} channel", ... in source order of the class (sorted by keyword, then text). */
    static List<String> steps(Class<?> type) {
        List<String> steps = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            Given given = method.getAnnotation(Given.class);
            When when = method.getAnnotation(When.class);
            Then then = method.getAnnotation(Then.class);
            if (given != null) {
                steps.add("Given " + given.value());
            }
            if (when != null) {
                steps.add("When " + when.value());
            }
            if (then != null) {
                steps.add("Then " + then.value());
            }
        }
        steps.sort(Comparator.comparingInt(StepsCommand::keywordOrder).thenComparing(Comparator.naturalOrder()));
        return steps;
    }

    private static int keywordOrder(String step) {
        return step.startsWith("Given") ? 0 : step.startsWith("When") ? 1 : 2;
    }
}
