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
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root of the {@code quiz} command. It does nothing by itself: {@code play} is the default
 * subcommand ({@link QuizMain} runs the tree with {@code DefaultSubcommand}), and a further
 * subcommand plugs in with its name in {@link #SUBCOMMAND_NAMES} (in the order help lists them), a case in
 * {@link #newSubcommand(String, Terminal)} and its name in the synopsis. The load generator is a program of
 * its own, {@code quiz-bench}.
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

    /** The default subcommand: a command line that names none runs it. */
    static final String DEFAULT_SUBCOMMAND = "play";

    /** The subcommands' names, in the order help lists them (and the synopsis names them). */
    static final List<String> SUBCOMMAND_NAMES = List.of("play", "host", "join", "known-hosts", "help");

    /** The subcommands' names (a test checks they match the tree). */
    static final Set<String> SUBCOMMANDS = Set.copyOf(SUBCOMMAND_NAMES);

    private static final String HELP = "help";

    /**
     * The subcommand called {@code name}: a command object or a {@code CommandLine} of its own (one with
     * subcommands). A switch, not a table of lambdas: nothing of a subcommand is loaded until it is built.
     */
    private static Object newSubcommand(String name, Terminal terminal) {
        return switch (name) {
            case "play" -> new PlayCommand(terminal);
            case "host" -> new HostRoomCommand(terminal);
            case "join" -> new JoinCommand(terminal);
            case "known-hosts" -> KnownHostsCommand.newCommandLine(terminal);
            case HELP -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    /**
     * The complete command tree, talking through {@code terminal}: help and version text go to
     * its out stream, usage errors to its err stream (one line, and a JSON {@code error} event on its
     * out stream under {@code --output json}), and every command's help lists the exit codes; the
     * root's help ends with the whole help of {@code play}, the default.
     */
    public static CommandLine newCommandLine(Terminal terminal) {
        return newCommandLine(terminal, SUBCOMMAND_NAMES);
    }

    /**
     * The tree that {@code args} can reach, which behaves for them as the complete tree does. Arguments that
     * start with a subcommand other than {@code help}, named or the default, reach that subcommand alone:
     * picocli looks no further than the subcommand for its options, errors and suggestions. Everything else
     * (the root's own options, {@code help}, a mistyped command, which is answered with the nearest names)
     * gets the complete tree. Building a command is most of picocli's cost at start-up (reflection over its
     * options and mixins), so {@code quiz play} builds only {@code play}.
     */
    public static CommandLine newCommandLine(Terminal terminal, String... args) {
        return newCommandLine(terminal, reachable(args));
    }

    /** The names of the subcommands {@code args} can reach: one, or all of them. */
    static List<String> reachable(String... args) {
        String[] effective = DefaultSubcommand.apply(DEFAULT_SUBCOMMAND, SUBCOMMANDS, args);
        boolean defaulted = effective.length > args.length;
        if (defaulted && args.length > 0 && !args[0].startsWith("-")) {
            return SUBCOMMAND_NAMES;
        }
        String first = effective.length > 0 ? effective[0] : "";
        return SUBCOMMANDS.contains(first) && !first.equals(HELP) ? List.of(first) : SUBCOMMAND_NAMES;
    }

    private static CommandLine newCommandLine(Terminal terminal, List<String> subcommands) {
        CommandLine commandLine = new CommandLine(new QuizCommand());
        for (String name : subcommands) {
            commandLine.addSubcommand(name, newSubcommand(name, terminal));
        }
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(writer(terminal.out()));
        commandLine.setErr(writer(terminal.err()));
        VersionOptions.addWhereMissing(commandLine);
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            addExitCodeList(sub);
        }
        if (subcommands.contains(DEFAULT_SUBCOMMAND)) {
            DefaultSubcommand.showInRootHelp(commandLine, DEFAULT_SUBCOMMAND);
        }
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
