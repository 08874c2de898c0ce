package org.ipcspec.harness.run;

import java.util.Optional;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Keeps the scenarios a {@link ScenarioSelection} picks. A line picks whatever is written there or
 * below it: the line of an outline keeps all its examples, so a scenario is kept when it or any of
 * its parents (examples, outline, rule) is at a picked place. Containers pass, and are pruned when
 * nothing is left in them.
 */
final class SelectionFilter implements PostDiscoveryFilter {

    private final ScenarioSelection selection;

    SelectionFilter(ScenarioSelection selection) {
        this.selection = selection;
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!descriptor.isTest()) {
            return FilterResult.included("container");
        }
        if (selection.name() != null && !selection.name().matcher(ResultCollector.scenarioName(descriptor.getDisplayName())).find()) {
            return FilterResult.excluded("name does not match " + selection.name());
        }
        if (selection.places().isEmpty() || atAPlace(descriptor)) {
            return FilterResult.included("selected");
        }
        return FilterResult.excluded("not at " + selection.places());
    }

    private boolean atAPlace(TestDescriptor descriptor) {
        for (Optional<TestDescriptor> d = Optional.of(descriptor); d.isPresent(); d = d.get().getParent()) {
            Optional<String> location = d.get().getSource().map(Locations::of);
            if (location.isPresent() && selection.places().stream().anyMatch(p -> p.holds(location.get()))) {
                return true;
            }
        }
        return false;
    }
}
