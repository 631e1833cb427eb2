package dev.tlsquiz.cli;

import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --version} on every command of a tree, whoever wrote the command: picocli's built-in
 * {@code help} command has {@code --help} only, so {@code quiz help --version} would be refused as an
 * unknown option. Commands of our own declare it with {@code mixinStandardHelpOptions}.
 */
public final class VersionOptions {

    private VersionOptions() {
    }

    /**
     * Gives each command in {@code root}'s tree that has no version option {@code -V, --version}, printing
     * the version line of the nearest command above it.
     */
    public static void addWhereMissing(CommandLine root) {
        addWhereMissing(root, root.getCommandSpec().versionProvider());
    }

    private static void addWhereMissing(CommandLine command, IVersionProvider inherited) {
        CommandSpec spec = command.getCommandSpec();
        IVersionProvider provider = spec.versionProvider() != null ? spec.versionProvider() : inherited;
        if (spec.options().stream().noneMatch(OptionSpec::versionHelp)) {
            spec.versionProvider(provider);
            spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                    .description("Print version information and exit.").build());
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            addWhereMissing(sub, provider);
        }
    }
}
