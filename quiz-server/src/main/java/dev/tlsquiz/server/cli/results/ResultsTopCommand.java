package dev.tlsquiz.server.cli.results;

import dev.tlsquiz.server.cli.ServerExitCodes;
import dev.tlsquiz.server.cli.ServerVersionProvider;
import dev.tlsquiz.server.cli.results.TextTable.Column;
import dev.tlsquiz.server.results.GameStoreException;
import dev.tlsquiz.server.results.query.GameFilter;
import dev.tlsquiz.server.results.query.LeaderboardOrder;
import dev.tlsquiz.server.results.query.LeaderboardRow;
import dev.tlsquiz.server.results.store.ResultsStore;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quiz-server results top}: the all-time leaderboard over every kept game, players told apart by name. */
@Command(name = "top", mixinStandardHelpOptions = true, versionProvider = ServerVersionProvider.class,
        description = {"Rank the players over every kept game, by total score or by accuracy (right answers over"
                + " the questions put to them, a timeout counting as put); equal players share a rank."})
final class ResultsTopCommand extends StoreCommand {

    @Option(names = "--by", paramLabel = "ORDER", defaultValue = "score", converter = LeaderboardOrderConverter.class,
            completionCandidates = LeaderboardOrderConverter.class,
            description = "Rank by ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private LeaderboardOrder order;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "Show the first N players; 0 for all (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--since", paramLabel = "WHEN", converter = SinceConverter.class,
            description = "Count only games that ended since WHEN: " + SinceConverter.FORMS + ".")
    private Since since;

    @Override
    void validate() {
        requireLimit(limit);
    }

    @Override
    int run(ResultsStore store) throws GameStoreException {
        List<LeaderboardRow> rows = store.leaderboard(
                new GameFilter(since == null ? null : since.resolve(now()), null, null, limit), order);
        if (rows.isEmpty()) {
            out().println("No kept games to rank.");
            return ServerExitCodes.OK;
        }
        TextTable table = new TextTable(Column.number("RANK"), Column.text("PLAYER", 32), Column.number("GAMES"),
                Column.number("SCORE"), Column.number("CORRECT"), Column.number("ASKED"), Column.number("ACCURACY"));
        for (LeaderboardRow row : rows) {
            table.row(row.rank(), row.name(), row.games(), row.score(), row.correct(), row.asked(),
                    String.format(Locale.ROOT, "%.1f%%", 100 * row.accuracy()));
        }
        table.print(out());
        return ServerExitCodes.OK;
    }
}
