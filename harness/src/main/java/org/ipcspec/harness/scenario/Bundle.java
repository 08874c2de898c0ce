package org.ipcspec.harness.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The ipcspec home the harness artifact carries, for runs outside a checkout ({@code java -jar
 * ipcspec.jar}, a user's own Maven build): the features and the reference profile (class path
 * {@code features/}) and the reference endpoint jar ({@value #ENDPOINT}). They are unpacked once
 * into a cache folder laid out as a checkout is ({@code features/}, {@code impl/target/ipcspec-endpoint.jar}),
 * so that everything that reads a checkout reads it unchanged, and the reference profile's
 * relative command ({@code ../impl/target/ipcspec-endpoint.jar}) finds the endpoint. The folder's
 * name is the digest of its contents: another version never reuses it, the same one always does.
 */
public final class Bundle {

    /** Where the artifact carries the reference endpoint jar. */
    public static final String ENDPOINT = "org/ipcspec/harness/bundle/ipcspec-endpoint.jar";
    /** Where a checkout has it, relative to its top; the reference profile names it so. */
    static final String ENDPOINT_IN_HOME = "impl/target/ipcspec-endpoint.jar";
    private static final String FEATURES = "features/";

    private static volatile Path unpacked;

    private Bundle() {
    }

    /** The home, if this JVM has unpacked it already (never unpacks it). */
    public static Optional<Path> unpacked() {
        return Optional.ofNullable(unpacked);
    }

    /** The unpacked home, or empty when the harness runs from classes without the bundle (a checkout's build). */
    public static synchronized Optional<Path> home() {
        if (unpacked != null) {
            return Optional.of(unpacked);
        }
        Map<String, byte[]> contents = contents();
        if (!contents.containsKey(Checkout.REFERENCE_PROFILE) || !contents.containsKey(ENDPOINT_IN_HOME)) {
            return Optional.empty();
        }
        try {
            unpacked = unpack(contents, cacheRoot().resolve("bundle-" + digest(contents)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the features and the reference endpoint", e);
        }
        return Optional.of(unpacked);
    }

    /** Name in the home -> bytes: every file under features/, and the endpoint jar. */
    private static Map<String, byte[]> contents() {
        Map<String, byte[]> contents = new TreeMap<>();
        Path source = codeSource();
        try {
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source.resolve(FEATURES))) {
                    for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        contents.put(source.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    return contents;
                }
                Path endpoint = source.resolve(ENDPOINT);
                if (Files.isRegularFile(endpoint)) {
                    contents.put(ENDPOINT_IN_HOME, Files.readAllBytes(endpoint));
                }
                return contents;
            }
            try (JarFile jar = new JarFile(source.toFile())) {
                for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                    String name = entry.getName();
                    boolean feature = name.startsWith(FEATURES) && !entry.isDirectory();
                    if (feature || name.equals(ENDPOINT)) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            contents.put(feature ? name : ENDPOINT_IN_HOME, in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundle in " + source, e);
        }
        return contents;
    }

    private static Path codeSource() {
        try {
            return Path.of(Bundle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the harness's own location is not a path", e);
        }
    }

    /** Written to a folder of its own first, then renamed into place: a run never sees half a home. */
    private static Path unpack(Map<String, byte[]> contents, Path home) throws IOException {
        if (Files.isRegularFile(home.resolve(Checkout.REFERENCE_PROFILE))) {
            return home;
        }
        Files.createDirectories(home.getParent());
        Path partial = Files.createTempDirectory(home.getParent(), home.getFileName() + ".partial-");
        for (Map.Entry<String, byte[]> file : contents.entrySet()) {
            Path target = partial.resolve(file.getKey()).normalize();
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        try {
            Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
            // Another run unpacked the same contents first (or a move cannot be atomic here): use what is there.
            Folders.deleteTree(partial, false);
            if (!Files.isRegularFile(home.resolve(Checkout.REFERENCE_PROFILE))) {
                throw e;
            }
        }
        return home;
    }

    /** $XDG_CACHE_HOME/ipcspec, ~/.cache/ipcspec, or the temp folder when the home cannot be written. */
    private static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path root = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        try {
            Files.createDirectories(root.resolve("ipcspec"));
            if (Files.isWritable(root.resolve("ipcspec"))) {
                return root.resolve("ipcspec");
            }
        } catch (IOException | SecurityException e) {
            // fall through to the temp folder
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "ipcspec.cache-" + System.getProperty("user.name"));
    }

    private static String digest(Map<String, byte[]> contents) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            contents.forEach((name, bytes) -> {
                sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(bytes);
            });
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
