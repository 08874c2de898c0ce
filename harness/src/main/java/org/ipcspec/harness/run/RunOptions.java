package org.ipcspec.harness.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to run.
 *
 * @param features    a folder of feature files, or null for the {@code features} on the classpath
 * @param tags        a tag expression (Cucumber's "@a and not @b" or JUnit's "a & !b"), or null
 * @param transports  only scenarios of these transports (and those of none); empty for all
 * @param shard       the slice of scenarios to run
 * @param parallelism scenarios run at once
 * @param allureResults where Allure results go (cleaned first), or null for none
 * @param junitXml    where JUnit XML goes, or null for none
 * @param selection   places in the spec and a name pattern, beyond the tags
 */
public record RunOptions(Path features, String tags, List<String> transports, Shard shard, int parallelism,
                         Path allureResults, Path junitXml, ScenarioSelection selection) {

    public RunOptions {
        transports = List.copyOf(transports);
        Objects.requireNonNull(shard, "shard");
        selection = selection == null ? ScenarioSelection.ALL : selection;
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
    }

    public static RunOptions defaults() {
        return new RunOptions(null, null, List.of(), Shard.ALL, 3, null, null, ScenarioSelection.ALL);
    }

    public RunOptions withTags(String value) {
        return new RunOptions(features, value, transports, shard, parallelism, allureResults, junitXml, selection);
    }

    public RunOptions withFeatures(Path value) {
        return new RunOptions(value, tags, transports, shard, parallelism, allureResults, junitXml, selection);
    }

    public RunOptions withTransports(List<String> value) {
        return new RunOptions(features, tags, value, shard, parallelism, allureResults, junitXml, selection);
    }

    public RunOptions withShard(Shard value) {
        return new RunOptions(features, tags, transports, value, parallelism, allureResults, junitXml, selection);
    }

    public RunOptions withParallelism(int value) {
        return new RunOptions(features, tags, transports, shard, value, allureResults, junitXml, selection);
    }

    public RunOptions withAllureResults(Path value) {
        return new RunOptions(features, tags, transports, shard, parallelism, value, junitXml, selection);
    }

    public RunOptions withJunitXml(Path value) {
        return new RunOptions(features, tags, transports, shard, parallelism, allureResults, value, selection);
    }

    public RunOptions withSelection(ScenarioSelection value) {
        return new RunOptions(features, tags, transports, shard, parallelism, allureResults, junitXml, value);
    }
}
