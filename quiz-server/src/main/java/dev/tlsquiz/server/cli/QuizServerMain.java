package dev.tlsquiz.server.cli;

import dev.tlsquiz.cli.DefaultSubcommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Entry point of the {@code quiz-server} command. Exit status: one of {@link ServerExitCodes}, which
 * {@code --help} lists.
 */
public final class QuizServerMain {

    private QuizServerMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status, without exiting. */
    public static int run(String... args) {
        CommandLine commandLine = newCommandLine();
        return commandLine.execute(withDefaultCommand(commandLine, args));
    }

    /**
     * The {@code quiz-server} command line: the root command with its subcommands, the one-line
     * error handlers, and a root help that also shows the options of {@code serve}.
     */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new QuizServerCommand());
        commandLine.setParameterExceptionHandler(QuizServerMain::onInvalidInput);
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            failed.getErr().println("quiz-server: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ServerExitCodes.FAILED;
        });
        CommandLine serve = commandLine.getSubcommands().get("serve");
        serve.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ServerExitCodes.helpList());
        commandLine.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER,
                help -> String.format("%nWithout a command, quiz-server runs serve:%n%n")
                        + serve.getUsageMessage(help.colorScheme()));
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

    /** Invalid options: one line saying what is wrong and where to look, exit status 2. */
    private static int onInvalidInput(ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println(failed.getColorScheme().errorText("quiz-server: " + describe(e)
                + "; see '" + failed.getCommandSpec().qualifiedName() + " --help'"));
        err.flush();
        return failed.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String describe(ParameterException e) {
        ArgSpec arg = e.getArgSpec();
        if (e.getCause() instanceof TypeConversionException conversion && arg instanceof OptionSpec option) {
            return "invalid value for " + option.longestName() + ": " + conversion.getMessage();
        }
        return e.getMessage();
    }
}
