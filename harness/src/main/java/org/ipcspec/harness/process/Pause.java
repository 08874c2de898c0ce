package org.ipcspec.harness.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An endpoint process (and its descendants, for a command that is a wrapper) stopped with SIGSTOP,
 * as a machine under memory pressure or a debugger stops it, until {@link #resume()} sends SIGCONT.
 *
 * <p>The signals are sent by a small keeper ({@code sh}) that sends SIGSTOP, then reads its stdin and
 * sends SIGCONT when a line or EOF comes. The harness never sends SIGCONT itself: if it is killed
 * while an endpoint sleeps, its end of the keeper's stdin closes with it, the keeper wakes the
 * endpoint, and the endpoint sees its own stdin EOF and exits. So a stopped endpoint never outlives
 * the harness, whatever kills it (a SIGKILLed harness runs no shutdown hook).
 */
public final class Pause implements AutoCloseable {

    /** How long a pause or a resume may take to be seen in the process's state before the machine counts as broken. */
    static final Duration SETTLE = Duration.ofSeconds(5);

    private static final String KEEPER = "kill -STOP \"$@\" || exit 1; read -r _; kill -CONT \"$@\"";

    private final List<Long> pids;
    private final Process keeper;
    private boolean resumed;

    private Pause(List<Long> pids, Process keeper) {
        this.pids = pids;
        this.keeper = keeper;
    }

    /** Stops the process and its descendants, and returns once the kernel shows them stopped. */
    public static Pause of(ProcessHandle process) {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        process.descendants().forEach(d -> pids.add(d.pid()));
        List<String> command = new ArrayList<>(List.of("sh", "-c", KEEPER, "ipcspec-pause"));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        Process keeper;
        try {
            keeper = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the pause keeper " + command + ": " + e.getMessage(), e);
        }
        Pause pause = new Pause(List.copyOf(pids), keeper);
        if (!pause.awaitState(true)) {
            pause.resume();
            throw new IllegalStateException("pid " + process.pid() + " was not seen stopped within " + SETTLE.toMillis()
                    + " ms of SIGSTOP (keeper " + (keeper.isAlive() ? "running" : "exited " + keeper.exitValue()) + ")");
        }
        return pause;
    }

    public List<Long> pids() {
        return pids;
    }

    public boolean resumed() {
        return resumed;
    }

    /** SIGCONT to every process stopped, once; returns when the keeper has sent it (and they run again). */
    public void resume() {
        if (resumed) {
            return;
        }
        resumed = true;
        try (OutputStream in = keeper.getOutputStream()) {
            in.write('\n');
        } catch (IOException e) {
            // the keeper reads EOF just the same
        }
        try {
            if (!keeper.waitFor(SETTLE.toMillis(), TimeUnit.MILLISECONDS)) {
                keeper.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        awaitState(false);
    }

    /**
     * For a process killed while stopped (SIGKILL ends a stopped process): the keeper goes without
     * sending SIGCONT, which could otherwise reach a process that took a reaped pid.
     */
    public void discard() {
        resumed = true;
        keeper.destroyForcibly();
        try {
            keeper.waitFor(SETTLE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        resume();
    }

    /**
     * Waits until the first process is stopped (state T in /proc) or no longer stopped. True if so
     * within {@link #SETTLE}, or if /proc is not there to tell (the signal was sent all the same).
     */
    private boolean awaitState(boolean stopped) {
        Path stat = Path.of("/proc", Long.toString(pids.get(0)), "stat");
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            String state = state(stat);
            if (state == null || state.equals("T") == stopped || state.equals("Z") || state.equals("X")) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(2); // the kernel's own pace: a signal is delivered within a scheduling tick
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** The state letter of /proc/PID/stat (after the command name in parentheses), or null if unknown. */
    private static String state(Path stat) {
        try {
            String line = Files.readString(stat);
            int close = line.lastIndexOf(')');
            return close < 0 || close + 2 >= line.length() ? null : line.substring(close + 2, close + 3);
        } catch (IOException e) {
            return null;
        }
    }
}
