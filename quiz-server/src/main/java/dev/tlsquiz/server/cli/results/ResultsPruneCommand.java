package dev.tlsquiz.server.cli.results;

import dev.tlsquiz.server.cli.ServerExitCodes;
import dev.tlsquiz.server.cli.ServerVersionProvider;
import dev.tlsquiz.server.results.GameStoreException;
import dev.tlsquiz.server.results.store.DatabaseLocation;
import dev.tlsquiz.server.results.store.ResultsStore;
import dev.tlsquiz.text.Counts;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quiz-server results prune --older-than AGE}: deletes old games, in one transaction. */
@Command(name = "prune", mixinStandardHelpOptions = true, versionProvider = ServerVersionProvider.class,
        description = "Delete the kept games that ended more than AGE ago, with their players, questions and answers.")
final class ResultsPruneCommand extends StoreCommand {

    @Option(names = "--older-than", paramLabel = "AGE", required = true, converter = AgeConverter.class,
            description = "Delete games that ended longer ago than AGE: " + AgeConverter.FORMS + ".")
    private Duration age;

    @Override
    int run(ResultsStore store) throws GameStoreException {
        Instant cutoff = now().minus(age);
        int pruned = store.prune(cutoff);
        out().println("Deleted " + Counts.of(pruned, "game") + " that ended before " + SHOWN_TIME.format(cutoff) + ".");
        return ServerExitCodes.OK;
    }

    @Override
    int noDatabase(DatabaseLocation location) {
        super.noDatabase(location);
        out().println("Deleted 0 games.");
        return ServerExitCodes.OK;
    }
}
