package io.nbaprops.cli;

import io.nbaprops.config.Secrets;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code nbaprops} command. */
@Command(name = "nbaprops", mixinStandardHelpOptions = true, version = "nbaprops 0.1.0",
        description = "NBA player-props platform: collect, analyse, predict, grade, publish, and run itself.",
        subcommands = {DemoCommand.class, RunCommand.class, BackfillCommand.class, StatusCommand.class, QueryCommand.class,
            SandboxCommand.class, ParseCommand.class, ServeCommand.class, TrainCommand.class, GradeCommand.class,
            ExportCommand.class, EvaluateCommand.class, WorkerCommand.class, DeadLettersCommand.class, DoctorCommand.class,
            CommandLine.HelpCommand.class})
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (tests call this; main exits with it). */
    public static int execute(String... args) {
        return execute(null, null, args);
    }

    /**
     * Runs a command line printing to {@code out} and {@code err} (null: the process's stdout and stderr). A command
     * that finds its DuckDB file held by a running {@code nbaprops serve} goes through that service instead
     * ({@link ServiceClient}), with the same output and exit code.
     */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        // Set on the root before anything prints, so every subcommand shares these two writers and the finally flushes them.
        cl.setOut(out != null ? out : new PrintWriter(System.out, true));
        cl.setErr(err != null ? err : new PrintWriter(System.err, true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ConfigOption.HOSTED.get() == null && ServiceClient.isLockConflict(ex) && ServiceClient.forwards(cmd.getCommandName())) {
                return new ServiceClient(cmd).forward(parsed.originalArgs(), ex);
            }
            cmd.getErr().println(cmd.getCommandName() + " failed: " + Secrets.mask(describe(ex)));
            return 1;
        });
        try {
            return cl.execute(args);
        } finally {
            cl.getOut().flush();
            cl.getErr().flush();
        }
    }

    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(String.valueOf(t.getMessage() != null ? t.getMessage() : t.toString()));
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
                sb.append("\n  caused by: ").append(c.getMessage());
            }
        }
        return sb.toString();
    }
}
