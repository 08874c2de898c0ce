package org.ipcspec.harness.suite;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The IDE's cucumber.properties says what the suite's settings say, wherever both name a key. */
class CucumberPropertiesTest {

    @Test
    void theIdeRunsWithTheSuitesGlueAndPlugins() throws Exception {
        Properties ide = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("cucumber.properties")) {
            assertNotNull(in, "cucumber.properties on the test class path");
            ide.load(in);
        }
        Map<String, String> suite = SuiteSettings.load();
        assertEquals(suite.get(GLUE_PROPERTY_NAME), ide.getProperty(GLUE_PROPERTY_NAME));
        assertEquals(suite.get(PLUGIN_PROPERTY_NAME), ide.getProperty(PLUGIN_PROPERTY_NAME));
        for (String key : ide.stringPropertyNames()) {
            assertEquals(suite.get(key), ide.getProperty(key), key);
        }
    }

    @Test
    void theSuiteKeepsItsParallelismAndTheThroughputLock() {
        Map<String, String> suite = SuiteSettings.load();
        assertEquals("3", suite.get(io.cucumber.junit.platform.engine.Constants.PARALLEL_CONFIG_FIXED_PARALLELISM_PROPERTY_NAME));
        assertEquals("org.junit.platform.engine.support.hierarchical.ExclusiveResource.GLOBAL_KEY",
                suite.get("cucumber.execution.exclusive-resources.throughput.read-write"));
        assertFalse(suite.containsKey(io.cucumber.junit.platform.engine.Constants.FILTER_TAGS_PROPERTY_NAME),
                "a tag filter in the settings could not be overridden with -D");
    }
}
