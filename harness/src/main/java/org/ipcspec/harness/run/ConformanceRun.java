package org.ipcspec.harness.run;

import static io.cucumber.junit.platform.engine.Constants.PARALLEL_CONFIG_FIXED_MAX_POOL_SIZE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PARALLEL_CONFIG_FIXED_PARALLELISM_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.lang.model.SourceVersion;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

import org.ipcspec.harness.check.FigureLog;
import org.ipcspec.harness.outcome.ScenarioResult;
import org.ipcspec.harness.process.StartupStats;
import org.ipcspec.harness.scenario.Folders;
import org.ipcspec.harness.scenario.SpecLocation;
import org.ipcspec.harness.spec.Vocabulary;
import org.ipcspec.harness.suite.SuiteSettings;

/**
 * Runs feature files through Cucumber on the JUnit Platform, in this JVM, and collects the
 * results. The command line and the faulty-endpoint self-test both run the suite this way; Maven
 * runs it through the {@code @Suite} class ({@link org.ipcspec.harness.suite.ConformanceIT}); both
 * take their Cucumber settings from {@link SuiteSettings}.
 */
public final class ConformanceRun {

    private ConformanceRun() {
    }

    public static RunResult run(RunOptions options, Consumer<ScenarioResult> onResult, TestExecutionListener... more) {
        // Allure's lifecycle is a process-wide singleton, fixed at its first use: a run that names
        // its own results folder installs a lifecycle writing there, and puts the old one back.
        AllureLifecycle previousLifecycle = Allure.getLifecycle();
        if (options.allureResults() != null) {
            clean(options.allureResults());
            Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(options.allureResults())));
        }
        ResultCollector collector = new ResultCollector(onResult);
        List<TestExecutionListener> listeners = new ArrayList<>(List.of(collector));
        listeners.addAll(List.of(more));
        PrintWriter xmlLog = null;
        if (options.junitXml() != null) {
            xmlLog = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            listeners.add(new LegacyXmlReportGeneratingListener(options.junitXml(), xmlLog));
        }
        SpecLocation.featuresFrom(options.features());
        FigureLog.clear();
        long startupBefore = StartupStats.totalNanos();
        long startsBefore = StartupStats.starts();
        long began = System.nanoTime();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader features = FeaturesClassLoader.of(options.features(), previous)) {
            thread.setContextClassLoader(features);
            // Only this run's listeners: the artifact registers SuiteRunReport for Maven runs of the
            // suite, and a run here reports its own way.
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false).build());
            launcher.execute(request(options), listeners.toArray(TestExecutionListener[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
            Allure.setLifecycle(previousLifecycle);
        }
        return new RunResult(collector.results(), Duration.ofNanos(System.nanoTime() - began),
                StartupStats.totalNanos() - startupBefore, StartupStats.starts() - startsBefore);
    }

    /** How many scenarios the options select, without running them. */
    public static long count(RunOptions options) {
        SpecLocation.featuresFrom(options.features());  // the selection filter compares locations
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader features = FeaturesClassLoader.of(options.features(), previous)) {
            Thread.currentThread().setContextClassLoader(features);
            return LauncherFactory.create().discover(request(options)).countTestIdentifiers(t -> t.isTest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** The scenarios the options select, in the order they are written, without running them. */
    public static List<PlannedScenario> plan(RunOptions options) {
        SpecLocation.featuresFrom(options.features());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader features = FeaturesClassLoader.of(options.features(), previous)) {
            Thread.currentThread().setContextClassLoader(features);
            TestPlan plan = LauncherFactory.create().discover(request(options));
            List<PlannedScenario> planned = new ArrayList<>();
            collect(plan, plan.getRoots(), planned);
            return planned;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static void collect(TestPlan plan, java.util.Set<TestIdentifier> level, List<PlannedScenario> into) {
        for (TestIdentifier test : level) {
            if (test.isTest()) {
                into.add(new PlannedScenario(Locations.of(test), ResultCollector.scenarioName(test.getDisplayName()),
                        test.getTags().stream().map(TestTag::getName).toList()));
            }
            collect(plan, plan.getChildren(test), into);
        }
    }

    static LauncherDiscoveryRequest request(RunOptions options) {
        String parallelism = Integer.toString(options.parallelism());
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selector(options.features()))
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines("cucumber"))
                // The suite's one settings file, and nothing from the environment: a -Dcucumber.filter.tags
                // meant for Maven's run of the suite must not filter the runs of the self-test or the CLI.
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(SuiteSettings.load())
                .configurationParameter(PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME, Boolean.toString(options.parallelism() > 1))
                .configurationParameter(PARALLEL_CONFIG_FIXED_PARALLELISM_PROPERTY_NAME, parallelism)
                .configurationParameter(PARALLEL_CONFIG_FIXED_MAX_POOL_SIZE_PROPERTY_NAME, parallelism);
        if (options.tags() != null && !options.tags().isBlank()) {
            request.filters(TagFilter.includeTags(junitTagExpression(options.tags())));
        }
        if (!options.transports().isEmpty()) {
            String chosen = String.join(" | ", options.transports());
            request.filters(TagFilter.includeTags("(" + chosen + ") | " + Vocabulary.noTransportExpression()));
        }
        if (!options.selection().isAll()) {
            request.filters(new SelectionFilter(options.selection()));
        }
        if (options.shard().count() > 1) {
            request.filters(new ShardFilter(options.shard()));
        }
        return request.build();
    }

    /**
     * The features as a package of the class path, so that scenario ids read
     * "features/blocking.feature:12" wherever the folder is; a folder whose name cannot be a package
     * is selected as a folder (its ids then carry its path).
     */
    private static DiscoverySelector selector(Path features) {
        if (features == null) {
            return selectPackage("features");
        }
        String name = features.getFileName().toString();
        return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name)
                ? selectPackage(name) : selectDirectory(features.toFile());
    }

    /** Accepts Cucumber's tag expressions ("@shm and not @throughput") as well as JUnit's ("shm & !throughput"). */
    static String junitTagExpression(String expression) {
        return expression.replace("@", "")
                .replaceAll("\\band\\b", "&")
                .replaceAll("\\bor\\b", "|")
                .replaceAll("\\bnot\\b\\s*", "!");
    }

    private static void clean(Path directory) {
        try {
            Folders.deleteTree(directory, true);
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + directory, e);
        }
    }
}
