package org.ipcspec.harness.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ipcspec.harness.profile.ImplCommand;
import org.ipcspec.harness.profile.Pairing;
import org.ipcspec.harness.profile.Profile;

/**
 * Which implementation profile a run uses: the file named by the system property
 * {@value #PROPERTY} (or the environment variable {@value #ENV}), else the reference profile
 * shipped in {@code features/}, found by walking up from the working directory (outside a checkout:
 * the one the harness artifact carries, see {@link Bundle}). With {@value #IMPL_PROPERTY} (or
 * {@value #IMPL_ENV}) set, the implementation of that command is run instead, held to the
 * profile's bounds. Loaded once per
 * file: scenarios share it, and a bad profile fails the first scenario with its file and line.
 */
public final class ProfileLocator {

    public static final String PROPERTY = "ipcspec.profile";
    public static final String ENV = "IPCSPEC_PROFILE";
    /** Another implementation's command, held to the located profile's bounds (as the command line's --impl). */
    public static final String IMPL_PROPERTY = "ipcspec.impl";
    public static final String IMPL_ENV = "IPCSPEC_IMPL";
    static final String DEFAULT = Checkout.REFERENCE_PROFILE;

    private static final Map<Path, Profile> LOADED = new ConcurrentHashMap<>();
    private static final Map<String, Profile> WITH_COMMAND = new ConcurrentHashMap<>();
    private static volatile Profile chosen;
    private static volatile Pairing pairing;

    private ProfileLocator() {
    }

    public static Profile current() {
        Profile profile = chosen;
        if (profile != null) {
            return profile;
        }
        Profile located = LOADED.computeIfAbsent(location(), Profile::load);
        String impl = setting(IMPL_PROPERTY, IMPL_ENV);
        if (impl == null || impl.isBlank()) {
            return located;
        }
        return WITH_COMMAND.computeIfAbsent(impl, command -> ImplCommand.profile(command, located, "(-D" + IMPL_PROPERTY + ")"));
    }

    /**
     * Makes every following scenario in this JVM use {@code profile} (the command line's --impl and
     * --profile, the self-test's faulty endpoints); null returns to the property or the default.
     */
    public static void use(Profile profile) {
        pairing = null;
        chosen = profile;
    }

    /**
     * Makes every following scenario in this JVM a mixed run: senders started from one profile,
     * receivers from the other, judged by {@link Pairing#merged()}; null ends it.
     */
    public static void usePair(Pairing pair) {
        chosen = pair == null ? null : pair.merged();
        pairing = pair;
    }

    /** The mixed run's pair, when {@link #usePair(Pairing)} chose one. */
    public static java.util.Optional<Pairing> pairing() {
        return java.util.Optional.ofNullable(pairing);
    }

    /**
     * A relative profile path is taken from the working directory, or else from the checkout
     * (Maven runs the suite in harness/, while people name paths from the top).
     */
    static Path resolve(Path named) {
        if (named.isAbsolute() || Files.exists(named)) {
            return named.toAbsolutePath().normalize();
        }
        return Checkout.find().map(top -> top.resolve(named)).filter(Files::exists)
                .orElse(named.toAbsolutePath()).normalize();
    }

    /** A blank property (a build passing an unset POM property) counts as unset, so the variable still applies. */
    private static String setting(String property, String env) {
        String value = System.getProperty(property);
        return value != null && !value.isBlank() ? value : System.getenv(env);
    }

    public static Path location() {
        String named = setting(PROPERTY, ENV);
        if (named != null && !named.isBlank()) {
            return resolve(Path.of(named));
        }
        return Checkout.find().or(Bundle::home).map(top -> top.resolve(DEFAULT)).orElseThrow(() -> new IllegalStateException("no profile: set -D" + PROPERTY + "=FILE, or run from the ipcspec checkout (it has "
                + DEFAULT + ")"));
    }
}
