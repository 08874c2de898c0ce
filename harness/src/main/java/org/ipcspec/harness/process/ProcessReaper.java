package org.ipcspec.harness.process;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Kills process trees and makes sure none outlives the harness. Every started process registers
 * here; a shutdown hook kills whatever is left when the JVM exits (normally, on failure, or on
 * SIGTERM/Ctrl-C). A SIGKILLed harness runs no hook: then the endpoints' own rule saves us, they
 * exit on stdin EOF, which the kernel delivers when our end of the pipe dies with us.
 */
public final class ProcessReaper {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::killAll, "ipcspec-reaper"));
    }

    private ProcessReaper() {
    }

    static void register(Process process) {
        LIVE.add(process);
        process.onExit().thenRun(() -> LIVE.remove(process));
    }

    /** Kills the process and all its descendants, children first seen, and waits for the parent to be reaped. */
    public static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        if (process.isAlive()) {
            // Only then: destroying a process that has exited still closes its streams under the
            // readers, and what they had not read yet of its stdout and stderr is lost.
            process.destroyForcibly();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(process);
    }

    /** How many started processes are still alive (for tests that prove nothing is left behind). */
    public static int liveCount() {
        return (int) LIVE.stream().filter(Process::isAlive).count();
    }

    static void killAll() {
        for (Process process : List.copyOf(LIVE)) {
            killTree(process);
        }
    }
}
