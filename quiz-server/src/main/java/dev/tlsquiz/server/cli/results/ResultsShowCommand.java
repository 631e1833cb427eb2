package dev.tlsquiz.server.cli.results;

import dev.tlsquiz.server.cli.ServerExitCodes;
import dev.tlsquiz.server.cli.ServerVersionProvider;
import dev.tlsquiz.server.cli.results.TextTable.Column;
import dev.tlsquiz.server.results.GameStoreException;
import dev.tlsquiz.server.results.store.Codes;
import dev.tlsquiz.server.results.store.DatabaseLocation;
import dev.tlsquiz.server.results.store.ResultsStore;
import dev.tlsquiz.server.services.AnswerRecord;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.PlayerRecord;
import dev.tlsquiz.server.services.QuestionRecord;
import dev.tlsquiz.text.TerminalText;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code quiz-server results show GAME}: one kept game: what it was, its players in rank order, and a
 * table of every question with each player's answer.
 */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = ServerVersionProvider.class,
        description = "Show one kept game: its players and, question by question, every answer.")
final class ResultsShowCommand extends StoreCommand {

    @Parameters(paramLabel = "GAME", converter = GameIdConverter.class,
            description = "The game's id as 'results list' shows it (hexadecimal, as in the server's log).")
    private long gameId;

    @Option(names = "--instance", paramLabel = "NAME",
            description = "The server instance that ran it, when several instances kept a game with this id.")
    private String instance;

    /** Reads a game id in hexadecimal, as the log and {@code list} show it. */
    static final class GameIdConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Long.parseUnsignedLong(value.strip(), 16);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' (expected: a game id such as 1f3a9c0d2b4e6f70,"
                        + " as 'results list' shows it)");
            }
        }
    }

    @Override
    int run(ResultsStore store) throws GameStoreException {
        String id = Long.toHexString(gameId);
        List<GameRecord> found = store.games(gameId).stream()
                .filter(game -> instance == null || game.instance().equals(instance))
                .toList();
        if (found.isEmpty()) {
            err().println("quiz-server results: no kept game " + id
                    + (instance == null ? "" : " from instance " + TerminalText.sanitize(instance)) + " in "
                    + TerminalText.sanitize(store.describe()) + "; 'quiz-server results list' shows the kept games");
            return ServerExitCodes.FAILED;
        }
        if (found.size() > 1) {
            err().println("quiz-server results: " + found.size() + " instances kept a game " + id + ": "
                    + TerminalText.sanitize(String.join(", ", found.stream().map(GameRecord::instance).toList()))
                    + "; choose one with --instance");
            return ServerExitCodes.FAILED;
        }
        show(found.get(0));
        return ServerExitCodes.OK;
    }

    private void show(GameRecord game) {
        out().println("Game " + Long.toHexString(game.gameId()) + ": a " + Codes.of(game.kind()) + " game"
                + (game.roomCode() == null ? "" : " in room " + TerminalText.sanitize(game.roomCode()))
                + ", on instance " + TerminalText.sanitize(game.instance()));
        out().println("Questions: " + TerminalText.sanitize(game.settings()));
        out().println("Played: " + SHOWN_TIME.format(game.started()) + " to " + SHOWN_TIME.format(game.ended())
                + ", " + TerminalText.sanitize(game.endReason()));
        out().println();
        // Addresses are kept only with --store-addresses: no column of dashes otherwise.
        boolean addresses = game.players().stream().anyMatch(player -> player.address() != null);
        List<Column> columns = new ArrayList<>(List.of(Column.number("RANK"), Column.text("PLAYER", 32),
                Column.text("VERIFIED", 8), Column.number("SCORE"), Column.number("CORRECT"), Column.number("ANSWERED")));
        if (addresses) {
            columns.add(Column.text("ADDRESS", 40));
        }
        TextTable players = new TextTable(columns.toArray(Column[]::new));
        for (PlayerRecord player : game.players()) {
            List<Object> cells = new ArrayList<>(List.of(player.rank(), player.name(), player.nameVerified() ? "yes" : "no",
                    player.score(), player.correct(), player.answered()));
            if (addresses) {
                cells.add(player.address());
            }
            players.row(cells.toArray());
        }
        players.print(out());
        out().println();
        TextTable answers = new TextTable(Column.number("#"), Column.text("QUESTION", 40), Column.text("ACCEPTED", 20),
                Column.text("PLAYER", 24), Column.text("ANSWER", 20), Column.text("OUTCOME", 7), Column.number("POINTS"),
                Column.number("MS"));
        for (QuestionRecord question : game.questions()) {
            boolean first = true;
            for (AnswerRecord answer : game.answers()) {
                if (answer.question() != question.number()) {
                    continue;
                }
                answers.row(first ? question.number() : "", first ? question.text() : "",
                        first ? question.acceptedAnswer() : "", game.players().get(answer.player()).name(),
                        answer.text(), Codes.of(answer.outcome()), answer.points(), answer.millis());
                first = false;
            }
            if (first) {
                answers.row(question.number(), question.text(), question.acceptedAnswer(), null, null, null, null, null);
            }
        }
        answers.print(out());
    }

    @Override
    int noDatabase(DatabaseLocation location) {
        super.noDatabase(location);
        return ServerExitCodes.FAILED;
    }
}
