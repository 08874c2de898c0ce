package org.ipcspec.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ipcspec} command: run the conformance suite, make its report, benchmark, list the steps, clean up. */
@Command(name = "ipcspec", mixinStandardHelpOptions = true, version = "ipcspec 0.1.0",
        description = "Conformance suite for inter-process messaging.",
        subcommands = {RunCommand.class, InteropCommand.class, ListCommand.class, CheckCommand.class, ReportCommand.class,
                BenchCommand.class, StepsCommand.class, CleanCommand.class})
public final class Ipcspec implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (0 ok, 1 a rule was broken, 2 usage or environment). */
    public static int execute(String... args) {
        CommandLine command = new CommandLine(new Ipcspec());
        command.setExecutionExceptionHandler((e, line, parsed) -> {
            System.err.println("ipcspec: " + e);
            return 2;
        });
        command.setParameterExceptionHandler((e, args1) -> {
            System.err.println("ipcspec: " + e.getMessage());
            e.getCommandLine().usage(System.err);
            return 2;
        });
        return command.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
