package dev.tlsquiz.server.cli.bank;

import dev.tlsquiz.server.cli.ServerVersionProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code quiz-server bank}: question banks from the command line. Subcommand: {@code check}.
 *
 * <p>Exit status: see {@link BankCheckCommand}; without a subcommand, the usage and 2.
 *
 * <p>In the {@code cli} tree, not in {@code dev.tlsquiz.server.bank}: only the command line may import
 * picocli (RuntimeImportsTest), and the server's own bank loading belongs to the runtime.
 */
@Command(name = "bank",
        mixinStandardHelpOptions = true, versionProvider = ServerVersionProvider.class,
        subcommands = {BankCheckCommand.class},
        synopsisSubcommandLabel = "check",
        description = "Question banks: Moodle GIFT files and Kahoot-style CSV spreadsheets.")
public final class BankCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand: the usage, on stderr, and exit status 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
