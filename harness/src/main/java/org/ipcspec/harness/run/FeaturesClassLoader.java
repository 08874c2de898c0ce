package org.ipcspec.harness.run;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Enumeration;

/**
 * Offers a folder of feature files as a package on the class path, so that scenario ids read
 * "features/blocking.feature:12" wherever the folder is. Resources of that package come from the
 * folder alone: the class path may hold a package of the same name (the test class path holds the
 * shipped features), and Cucumber refuses a feature found twice. Everything else is the parent's.
 */
final class FeaturesClassLoader extends URLClassLoader {

    private final String prefix;

    private FeaturesClassLoader(URL root, String packageName, ClassLoader parent) {
        super(new URL[] {root}, parent);
        this.prefix = packageName;
    }

    /** The folder's parent becomes a class path root, the folder a package. */
    static URLClassLoader of(Path features, ClassLoader parent) {
        if (features == null) {
            return new URLClassLoader(new URL[0], parent);
        }
        Path folder = features.toAbsolutePath().normalize();
        try {
            return new FeaturesClassLoader(folder.getParent().toUri().toURL(), folder.getFileName().toString(), parent);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad features folder: " + features, e);
        }
    }

    @Override
    public URL getResource(String name) {
        return owns(name) ? findResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return owns(name) ? findResources(name) : super.getResources(name);
    }

    private boolean owns(String name) {
        return name.equals(prefix) || name.startsWith(prefix + "/");
    }
}
