package org.ipcspec.harness.run;

import java.util.List;

/**
 * A scenario a selection would run, found without running it.
 *
 * @param location where it is written: {@code features/blocking.feature:21}
 * @param name     its name (an example's pickle name)
 * @param tags     its tags, without the {@code @}
 */
public record PlannedScenario(String location, String name, List<String> tags) {

    public PlannedScenario {
        tags = List.copyOf(tags);
    }
}
