package org.ipcspec.harness.steps;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.TestResult;

import org.ipcspec.harness.scenario.ProfileLocator;
import org.ipcspec.harness.spec.ScenarioTags;
import org.ipcspec.harness.spec.Vocabulary;

/**
 * Puts ipcspec's labels and evidence on each scenario's Allure result, just before it is written.
 *
 * <p>Why not from the Cucumber hooks directly: the Allure plugin reports hooks as fixtures, so a
 * label or attachment made in a hook lands on the fixture ("tear down"), not on the scenario. The
 * hooks therefore hand their evidence over here, on the same thread: Cucumber publishes the
 * scenario's end on the thread that ran it, and the Allure plugin writes the result from there.
 */
public final class ReportEnricher implements TestLifecycleListener {

    private static final ThreadLocal<List<Item>> PENDING = ThreadLocal.withInitial(ArrayList::new);

    /** An attachment waiting for its scenario's result. */
    record Item(String name, String type, String extension, byte[] content) {
    }

    /** Called by the hooks: attach this to the scenario now ending on this thread. */
    static void attach(String name, String type, String content, String extension) {
        PENDING.get().add(new Item(name, type, extension, content.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void beforeTestWrite(TestResult result) {
        addLabels(result);
        List<Item> items = PENDING.get();
        PENDING.remove();
        AllureLifecycle lifecycle = Allure.getLifecycle();
        for (Item item : items) {
            // Named as Allure names attachments; prepareAttachment would need a running test.
            String source = UUID.randomUUID() + "-attachment" + item.extension();
            lifecycle.writeAttachment(source, new ByteArrayInputStream(item.content()));
            result.getAttachments().add(new Attachment().setName(item.name()).setType(item.type()).setSource(source));
        }
    }

    static void addLabels(TestResult result) {
        Set<String> tags = new TreeSet<>();
        for (Label label : result.getLabels()) {
            if ("tag".equals(label.getName())) {
                tags.add(label.getValue().replaceFirst("^@", ""));
            }
        }
        ScenarioTags scenario = ScenarioTags.of(tags);
        if (!scenario.transport().equals(Vocabulary.NONE)) {
            result.getLabels().add(label("transport", scenario.transport()));
            result.getLabels().add(label("epic", "transport: " + scenario.transport()));
        }
        for (String tag : tags) {
            if (Vocabulary.isRuleTag(tag)) {
                result.getLabels().add(label("rule", tag));
            }
        }
        if (!scenario.combination().equals(Vocabulary.NONE)) {
            result.getLabels().add(label("combination", scenario.combination()));
        }
        try {
            result.getLabels().add(label("implementation", ProfileLocator.current().name()));
            // A mixed run: both implementations, so results can be grouped by either side.
            ProfileLocator.pairing().ifPresent(pair -> {
                result.getLabels().add(label("sender-implementation", pair.sender().name()));
                result.getLabels().add(label("receiver-implementation", pair.receiver().name()));
                // One scenario run for several pairs is several tests, not retries of one.
                if (result.getHistoryId() != null) {
                    result.setHistoryId(result.getHistoryId() + "-" + Integer.toHexString(pair.name().hashCode()));
                }
                result.setName(result.getName() + " [" + pair.name() + "]");
            });
        } catch (RuntimeException e) {
            // no usable profile: the scenario already says why
        }
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }
}
