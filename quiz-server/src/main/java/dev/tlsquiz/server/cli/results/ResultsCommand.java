package dev.tlsquiz.server.cli.results;

import dev.tlsquiz.server.cli.ServerVersionProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code quiz-server results}: the kept games, from the same database a server writes (the same
 * {@link DatabaseOptions}). Subcommands: {@code list}, {@code show}, {@code export}, {@code top},
 * {@code prune}; each may run while a server is writing.
 *
 * <p>Exit status: see {@link StoreCommand}; without a subcommand, the usage and 2.
 */
@Command(name = "results",
        mixinStandardHelpOptions = true, versionProvider = ServerVersionProvider.class,
        subcommands = {ResultsListCommand.class, ResultsShowCommand.class, ResultsExportCommand.class,
            ResultsTopCommand.class, ResultsPruneCommand.class},
        synopsisSubcommandLabel = "(list | show | export | top | prune)",
        description = "Look at the kept games: list them, show one, export them for a gradebook, rank the"
                + " players of all time, or prune old ones.")
public final class ResultsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand: the usage, on stderr, and exit status 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
