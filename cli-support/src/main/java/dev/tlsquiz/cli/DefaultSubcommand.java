package dev.tlsquiz.cli;

import java.util.Set;

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
}
