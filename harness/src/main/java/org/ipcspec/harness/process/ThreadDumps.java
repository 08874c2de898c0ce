package org.ipcspec.harness.process;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks a hung JVM endpoint what its threads are doing, before it is killed. {@code jcmd
 * Thread.print} is used rather than a raw SIGQUIT because a JVM prints a SIGQUIT dump on its own
 * stdout, which here carries protocol lines; jcmd brings the dump back on its own stdout.
 * Processes that are not JVMs get no dump (SIGQUIT would kill a Python or C endpoint).
 */
final class ThreadDumps {

    private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    private ThreadDumps() {
    }

    static Optional<String> of(Process process, List<String> command) {
        if (!isJava(command) || !Files.isExecutable(JCMD) || !process.isAlive()) {
            return Optional.empty();
        }
        try {
            Process jcmd = new ProcessBuilder(JCMD.toString(), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            ProcessReaper.register(jcmd);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread copier = new Thread(() -> copy(jcmd.getInputStream(), out), "jcmd-output");
            copier.start();
            if (!jcmd.waitFor(10, TimeUnit.SECONDS)) {
                ProcessReaper.killTree(jcmd);
                return Optional.empty();
            }
            copier.join(2000);
            return Optional.of(out.toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static boolean isJava(List<String> command) {
        String program = Path.of(command.get(0)).getFileName().toString();
        return program.equals("java");
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (Exception e) {
            // the dump is best effort
        }
    }
}
