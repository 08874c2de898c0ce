package org.ipcspec.harness.run;

import static io.cucumber.junit.platform.engine.Constants.EXECUTION_DRY_RUN_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.util.List;

import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import org.ipcspec.harness.scenario.SpecLocation;
import org.ipcspec.harness.steps.SpecChecker;
import org.ipcspec.harness.suite.SuiteSettings;

/**
 * Checks the spec before any process starts: a dry run of the selected scenarios through Cucumber
 * (steps are matched, none runs), with {@link SpecChecker} noting every step that is undefined, a
 * transport or rule tag that does not exist, participants set up in an order the steps cannot use,
 * and a rule tagged on a scenario whose steps cannot exercise it. All of them at once.
 */
public final class SpecCheck {

    private SpecCheck() {
    }

    /** The errors, each "FILE:LINE: what is wrong, and the fix"; empty when the spec can run. */
    public static List<String> errors(RunOptions options) {
        SpecLocation.featuresFrom(options.features());
        SpecChecker.reset();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader features = FeaturesClassLoader.of(options.features(), previous)) {
            Thread.currentThread().setContextClassLoader(features);
            LauncherFactory.create().execute(request(options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        return SpecChecker.errors();
    }

    private static LauncherDiscoveryRequest request(RunOptions options) {
        LauncherDiscoveryRequest run = ConformanceRun.request(options.withParallelism(1));
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(run.getSelectorsByType(org.junit.platform.engine.DiscoverySelector.class))
                .filters(run.getEngineFilters().toArray(new org.junit.platform.launcher.EngineFilter[0]))
                .filters(run.getPostDiscoveryFilters().toArray(new org.junit.platform.launcher.PostDiscoveryFilter[0]))
                // The suite's settings (its glue above all), a dry run, and only the checker as plugin.
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(SuiteSettings.load())
                .configurationParameter(PLUGIN_PROPERTY_NAME, SpecChecker.class.getName())
                .configurationParameter(EXECUTION_DRY_RUN_PROPERTY_NAME, "true")
                .configurationParameter(PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME, "false")
                .build();
    }
}
