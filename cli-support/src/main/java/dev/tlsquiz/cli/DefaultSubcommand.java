package dev.tlsquiz.cli;

import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A default subcommand for picocli, which has none: a command line that starts with neither a
 * subcommand name nor one of the root's own options ({@code --help}, {@code --version}) gets the
 * default's name put in front, so {@code quiz --auto} means {@code quiz play --auto}.
 */
public final class DefaultSubcommand {

    /** Options that belong to the root command even though a subcommand is the default. */
    private static final Set<String> ROOT_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    private DefaultSubcommand() {
    }

    /**
     * {@code args}, or {@code args} after {@code defaultName} when they do not start with one of
     * {@code subcommands} or a root option.
     */
    public static String[] apply(String defaultName, Set<String> subcommands, String... args) {
        if (args.length > 0 && (subcommands.contains(args[0]) || ROOT_OPTIONS.contains(args[0]))) {
            return args;
        }
        String[] withDefault = new String[args.length + 1];
        withDefault[0] = defaultName;
        System.arraycopy(args, 0, withDefault, 1, args.length);
        return withDefault;
    }

    /**
     * Runs {@code root} with {@code defaultName} as its default subcommand and returns the exit status.
     * When the default takes no arguments of its own, a first word that is not a subcommand is a
     * mistyped command ({@code quiz plya}): it is reported as such by the root's parameter-exception
     * handler, with the nearest command names, rather than as an argument the default did not expect.
     */
    public static int execute(CommandLine root, String defaultName, String... args) {
        CommandLine defaultCommand = root.getSubcommands().get(defaultName);
        if (args.length > 0 && !args[0].startsWith("-") && !root.getSubcommands().containsKey(args[0])
                && defaultCommand.getCommandSpec().positionalParameters().isEmpty()) {
            UnmatchedArgumentException unknown = new UnmatchedArgumentException(root, List.of(args[0]));
            try {
                return root.getParameterExceptionHandler().handleParseException(unknown, args);
            } catch (Exception e) {
                // Picocli's contract lets a handler throw; ours do not, but keep the status a usage error.
                return root.getCommandSpec().exitCodeOnInvalidInput();
            }
        }
        return root.execute(apply(defaultName, root.getSubcommands().keySet(), args));
    }

    /**
     * Makes the root's {@code --help} end with the default subcommand's whole help (its options,
     * exit codes), introduced by {@code Without a command, PROGRAM runs NAME:}: whoever reads the root's
     * help is usually about to run the default.
     */
    public static void showInRootHelp(CommandLine root, String defaultName) {
        CommandLine defaultCommand = root.getSubcommands().get(defaultName);
        String program = root.getCommandName();
        root.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_FOOTER,
                help -> String.format("%nWithout a command, %s runs %s:%n%n", program, defaultName)
                        + defaultCommand.getUsageMessage(help.colorScheme()));
    }
}
