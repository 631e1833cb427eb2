package dev.tlsquiz.client;

import dev.tlsquiz.client.play.PlayCommand;
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
 * subcommand (see {@link QuizMain#defaultToPlay}), and a further subcommand plugs in with an
 * {@code addSubcommand} line in {@link #newCommandLine(Terminal, boolean)} and its name in
 * {@link #SUBCOMMANDS}.
 */
@Command(name = "quiz", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The tlsquiz terminal client: an arithmetic quiz over TLS.",
        footer = {"", "Without a subcommand, 'play' is assumed: 'quiz --auto' is 'quiz play --auto'."})
public final class QuizCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        // Only reached when args were rewritten wrongly; show what exists instead of failing silently.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The subcommands' names, known before the tree is built: {@link QuizMain} chooses by them. */
    static final Set<String> SUBCOMMANDS = Set.of("play", "bench", "known-hosts", "help");

    /**
     * The complete command tree, talking through {@code terminal}: help and version text go to
     * its out stream, usage errors to its err stream, and every command's help lists the exit codes.
     */
    public static CommandLine newCommandLine(Terminal terminal) {
        return newCommandLine(terminal, true);
    }

    /**
     * The command tree, with only {@code play} and {@code help} unless {@code wholeTree}: for arguments
     * that start with {@code play}, which picocli hands to {@code play} whole, so that nothing else in
     * the tree (help that lists the subcommands included) can run. Reflecting on {@code bench}'s many
     * options took ~20 ms of every {@code quiz play} start.
     */
    static CommandLine newCommandLine(Terminal terminal, boolean wholeTree) {
        CommandLine commandLine = new CommandLine(new QuizCommand())
                .addSubcommand("play", new PlayCommand(terminal));
        if (wholeTree) {
            commandLine.addSubcommand("bench", new dev.tlsquiz.client.bench.BenchCommand(terminal));
            commandLine.addSubcommand("known-hosts", KnownHostsCommand.newCommandLine(terminal));
        }
        commandLine.addSubcommand("help", new CommandLine.HelpCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(writer(terminal.out()));
        commandLine.setErr(writer(terminal.err()));
        addExitCodeList(commandLine);
        return commandLine;
    }

    /** The session's exit codes, for every command that does not list exit codes of its own. */
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
