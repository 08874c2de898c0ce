package org.ipcspec.harness.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The Cucumber settings every run of the suite uses, from {@value #RESOURCE}: the Maven suite
 * ({@link ConformanceIT}) names the file, the command line loads it with {@link #load()}. One file,
 * so that a Maven run and a command-line run judge the same scenarios the same way.
 */
public final class SuiteSettings {

    /** On the class path, beside this class. */
    public static final String RESOURCE = "org/ipcspec/harness/suite/cucumber-suite.properties";

    private SuiteSettings() {
    }

    /** Every setting of the file, by its Cucumber name. */
    public static Map<String, String> load() {
        Properties properties = new Properties();
        try (InputStream in = SuiteSettings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the harness's class path lacks " + RESOURCE);
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }
}
