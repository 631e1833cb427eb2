package dev.tlsquiz.server.cli.results;

import dev.tlsquiz.server.cli.ServerExitCodes;
import dev.tlsquiz.server.cli.ServerVersionProvider;
import dev.tlsquiz.server.cli.results.TextTable.Column;
import dev.tlsquiz.server.results.GameStoreException;
import dev.tlsquiz.server.results.query.GameFilter;
import dev.tlsquiz.server.results.query.GameSummary;
import dev.tlsquiz.server.results.store.Codes;
import dev.tlsquiz.server.results.store.ResultsStore;
import dev.tlsquiz.text.Counts;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quiz-server results list}: the kept games, the most recently ended first, one line each. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = ServerVersionProvider.class,
        description = "List the kept games, the most recently ended first.")
final class ResultsListCommand extends StoreCommand {

    @Option(names = "--since", paramLabel = "WHEN", converter = SinceConverter.class,
            description = "Only games that ended since WHEN: " + SinceConverter.FORMS + ".")
    private Since since;

    @Option(names = "--room", paramLabel = "CODE", converter = RoomCodeConverter.class,
            description = "Only the games of the room with this code (any case, with or without the dash).")
    private String room;

    @Option(names = "--player", paramLabel = "NAME",
            description = "Only the games this player played (the exact name, ~ included for an unverified one).")
    private String player;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "List at most N games; 0 for all (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Override
    void validate() {
        requireLimit(limit);
    }

    @Override
    int run(ResultsStore store) throws GameStoreException {
        List<GameSummary> games = store.games(new GameFilter(since == null ? null : since.resolve(now()), room, player,
                limit));
        if (games.isEmpty()) {
            out().println("No kept games match.");
            return ServerExitCodes.OK;
        }
        boolean instances = games.stream().map(GameSummary::instance).distinct().count() > 1;
        TextTable table = instances
                ? new TextTable(Column.text("ENDED (UTC)", 20), Column.text("INSTANCE", 24), Column.text("GAME", 16),
                        Column.text("KIND", 4), Column.text("ROOM", 12), Column.number("PLAYERS"), Column.number("QUESTIONS"),
                        Column.text("LEADER", 24), Column.number("SCORE"), Column.text("HOW IT ENDED", 30))
                : new TextTable(Column.text("ENDED (UTC)", 20), Column.text("GAME", 16),
                        Column.text("KIND", 4), Column.text("ROOM", 12), Column.number("PLAYERS"), Column.number("QUESTIONS"),
                        Column.text("LEADER", 24), Column.number("SCORE"), Column.text("HOW IT ENDED", 30));
        for (GameSummary game : games) {
            String ended = SHOWN_TIME.format(game.ended());
            String id = Long.toHexString(game.gameId());
            Object score = game.leader() == null ? null : game.topScore();
            if (instances) {
                table.row(ended, game.instance(), id, Codes.of(game.kind()), game.roomCode(), game.players(),
                        game.questions(), game.leader(), score, game.endReason());
            } else {
                table.row(ended, id, Codes.of(game.kind()), game.roomCode(), game.players(), game.questions(),
                        game.leader(), score, game.endReason());
            }
        }
        table.print(out());
        if (limit > 0 && games.size() == limit) {
            out().println("(the " + Counts.of(limit, "most recent game") + "; --limit 0 lists all)");
        }
        return ServerExitCodes.OK;
    }
}
