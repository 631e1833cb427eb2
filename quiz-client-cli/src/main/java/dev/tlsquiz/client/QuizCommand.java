package dev.tlsquiz.client;

import dev.tlsquiz.cli.DefaultSubcommand;
import dev.tlsquiz.cli.UsageErrors;
import dev.tlsquiz.cli.VersionOptions;
import dev.tlsquiz.client.play.PlayCommand;
import dev.tlsquiz.client.render.OutputFormat;
import dev.tlsquiz.client.room.HostRoomCommand;
import dev.tlsquiz.client.room.JoinCommand;
import dev.tlsquiz.client.render.SessionRenderer;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root of the {@code quiz} command. It does nothing by itself: {@code play} is the default
 * subcommand ({@link QuizMain} runs the tree with {@code DefaultSubcommand}), and a further
 * subcommand plugs in with an {@code addSubcommand} line in {@link #newCommandLine(Terminal)}, its name
 * in {@link #SUBCOMMANDS} and in the synopsis. The load generator is a program of its own, {@code quiz-bench}.
 */
@Command(name = "quiz", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "[play | host | join | known-hosts | help]",
        description = "The tlsquiz terminal client: an arithmetic quiz over TLS.")
public final class QuizCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        // Only reached when args were rewritten wrongly; show what exists instead of failing silently.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The subcommands' names, as the synopsis lists them (a test checks they match the tree). */
    static final Set<String> SUBCOMMANDS = Set.of("play", "host", "join", "known-hosts", "help");

    /**
     * The complete command tree, talking through {@code terminal}: help and version text go to
     * its out stream, usage errors to its err stream (one line, and a JSON {@code error} event on its
     * out stream under {@code --output json}), and every command's help lists the exit codes; the
     * root's help ends with the whole help of {@code play}, the default.
     */
    public static CommandLine newCommandLine(Terminal terminal) {
        CommandLine commandLine = new CommandLine(new QuizCommand())
                .addSubcommand("play", new PlayCommand(terminal))
                .addSubcommand("host", new HostRoomCommand(terminal))
                .addSubcommand("join", new JoinCommand(terminal))
                .addSubcommand("known-hosts", KnownHostsCommand.newCommandLine(terminal))
                .addSubcommand("help", new CommandLine.HelpCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(writer(terminal.out()));
        commandLine.setErr(writer(terminal.err()));
        VersionOptions.addWhereMissing(commandLine);
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            addExitCodeList(sub);
        }
        DefaultSubcommand.showInRootHelp(commandLine, "play");
        // After the tree is complete: picocli hands the handler to the subcommands present now.
        commandLine.setParameterExceptionHandler(new UsageErrors("quiz", (failed, line, args) ->
                SessionRenderer.create(OutputFormat.requestedIn(args), terminal).failure(Failures.usage(line))));
        return commandLine;
    }

    /**
     * The session's exit codes, for every command that does not list exit codes of its own. The root
     * shows them through the help of {@code play} at its end.
     */
    private static void addExitCodeList(CommandLine commandLine) {
        CommandLine.Model.UsageMessageSpec usage = commandLine.getCommandSpec().usageMessage();
        if (usage.exitCodeList().isEmpty()) {
            usage.exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.helpList());
        }
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            addExitCodeList(sub);
        }
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}
