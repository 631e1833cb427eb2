package dev.tlsquiz.server.cli;

import dev.tlsquiz.cli.DefaultSubcommand;
import dev.tlsquiz.cli.UsageErrors;
import dev.tlsquiz.cli.VersionOptions;
import picocli.CommandLine;

/**
 * Entry point of the {@code quiz-server} command. Exit status: 0 after a clean stop, 1 when the
 * server cannot start or a command fails, 2 for invalid options or a question bank that cannot be served.
 */
public final class QuizServerMain {

    private QuizServerMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status, without exiting. */
    public static int run(String... args) {
        return DefaultSubcommand.execute(newCommandLine(), "serve", args);
    }

    /**
     * The {@code quiz-server} command line: the root command with its subcommands, the one-line
     * error handlers, and a root help that also shows the options of {@code serve}.
     */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new QuizServerCommand());
        VersionOptions.addWhereMissing(commandLine);
        commandLine.setParameterExceptionHandler(new UsageErrors("quiz-server"));
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            failed.getErr().println("quiz-server: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return CommandLine.ExitCode.SOFTWARE;
        });
        DefaultSubcommand.showInRootHelp(commandLine, "serve");
        return commandLine;
    }

    /**
     * {@code serve} is the default command: a command line that does not start with a command name
     * (or the root's own --help/--version) gets {@code serve} put in front, so
     * {@code quiz-server --port 4000} means {@code quiz-server serve --port 4000}.
     */
    public static String[] withDefaultCommand(CommandLine commandLine, String... args) {
        return DefaultSubcommand.apply("serve", commandLine.getSubcommands().keySet(), args);
    }
}
