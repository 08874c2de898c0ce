package org.ipcspec.harness.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which run made a folder: the harness's pid and that process's start time, written into every folder
 * the harness creates for channel addresses as a one-line file {@code run} ({@code pid=4711 start=912345}).
 * The start time (field 22 of {@code /proc/PID/stat}, clock ticks since boot) is there because pids are
 * reused: a folder whose pid now belongs to another process is still a dead run's. Without {@code /proc}
 * the start is -1 and the pid alone decides.
 */
public record RunMark(long pid, long start) {

    /** The mark's file name inside a marked folder. */
    public static final String FILE = "run";

    private static final Pattern LINE = Pattern.compile("pid=(\\d+) start=(-1|\\d+)");

    /** The mark of this JVM's run. */
    public static RunMark current() {
        long pid = ProcessHandle.current().pid();
        return new RunMark(pid, startTicks(pid).orElse(-1));
    }

    /** Writes the mark into {@code folder}, owner-only like everything else there (P1). */
    public void writeInto(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, line(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark " + folder + " with the run that made it", e);
        }
    }

    /** The mark in {@code folder}; empty when there is none or it is not one (a folder that is not ours to judge). */
    public static Optional<RunMark> readFrom(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 100) {
                return Optional.empty();
            }
            Matcher m = LINE.matcher(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return m.matches() ? Optional.of(new RunMark(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the run that wrote this mark is still alive: its pid is a process that started at the
     * marked time and is not a zombie (a zombie has exited; only its exit status waits to be collected).
     */
    public boolean isLive() {
        Optional<String[]> stat = stat(pid);
        if (stat.isEmpty()) {
            // No /proc entry: gone, unless there is no /proc at all, where the pid alone tells.
            return !Files.isDirectory(Path.of("/proc/self")) && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        String[] fields = stat.get();
        return !"Z".equals(fields[0]) && (start < 0 || Long.toString(start).equals(fields[19]));
    }

    String line() {
        return "pid=" + pid + " start=" + start + "\n";
    }

    /** Field 22 of /proc/PID/stat, the process's start time in clock ticks since boot. */
    static OptionalLong startTicks(long pid) {
        return stat(pid).map(fields -> OptionalLong.of(Long.parseLong(fields[19]))).orElse(OptionalLong.empty());
    }

    /**
     * The fields of /proc/PID/stat from the third (state) on. The second, the command name in
     * parentheses, may itself hold spaces and parentheses, so the split starts after the last ')'.
     */
    private static Optional<String[]> stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            String[] fields = text.substring(text.lastIndexOf(')') + 1).strip().split(" +");
            return fields.length > 19 ? Optional.of(fields) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
