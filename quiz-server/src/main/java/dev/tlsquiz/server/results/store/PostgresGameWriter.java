package dev.tlsquiz.server.results.store;

import dev.tlsquiz.server.services.AnswerRecord;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.PlayerRecord;
import dev.tlsquiz.server.services.QuestionRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * The PostgreSQL writer. A group of games costs four round trips at most, whatever its size: one
 * statement inserts the game rows (sent as arrays, one per column) and returns the ids of those not
 * kept before; then the players, the questions and answers (one {@code game_rounds} row a game,
 * schema version 4) and the choices of those games follow by binary {@code COPY}
 * ({@link BinaryCopyRows}).
 * PostgreSQL pays per row inserted, and COPY is its cheapest way in: it fills a page at a time and
 * parses nothing.
 *
 * <p>A game already kept ({@code ON CONFLICT DO NOTHING} on its (instance, game id)) returns no id,
 * so none of its rows is written again. The schema has no foreign keys (version 2): that every answer
 * points at a player and a question of its own game was checked before, by {@link GameRecordCheck};
 * the caller's transaction keeps a group's rows all or none.
 */
final class PostgresGameWriter implements GameWriter {

    private static final String INSERT_GAMES = """
            INSERT INTO games (instance, game_id, kind, room_code, settings, started_ms, ended_ms, end_reason)
            SELECT * FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[],
                                 ?::text[])
            ON CONFLICT (instance, game_id) DO NOTHING
            RETURNING id, instance, game_id""";
    private static final String[] GAME_TYPES = {"text", "bigint", "text", "text", "text", "bigint", "bigint", "text"};

    @Override
    public int write(Connection connection, List<GameRecord> games) throws SQLException {
        // The same game twice in a group is written once, as ON CONFLICT keeps its row once.
        Map<GameKey, GameRecord> distinct = new LinkedHashMap<>();
        for (GameRecord game : games) {
            distinct.putIfAbsent(new GameKey(StoredText.of(game.instance()), game.gameId()), game);
        }
        Map<GameKey, Long> ids = insertGames(connection, distinct.values());
        BinaryCopyRows players = new BinaryCopyRows("players", "game", "position", "name", "name_verified",
                "fingerprint", "address", "score", "rank", "correct", "answered");
        BinaryCopyRows rounds = new BinaryCopyRows("game_rounds", "game", "question_numbers", "question_texts",
                "question_formats", "accepted_answers", "answer_players", "answer_questions", "answer_texts",
                "answer_outcomes", "answer_points", "answer_millis");
        BinaryCopyRows choices = new BinaryCopyRows("choices", "game", "question", "position", "text");
        for (Map.Entry<GameKey, GameRecord> entry : distinct.entrySet()) {
            Long id = ids.get(entry.getKey());
            if (id != null) {
                addRows(id, entry.getValue(), players, rounds, choices);
            }
        }
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        players.copy(copy);
        rounds.copy(copy);
        choices.copy(copy);
        return ids.size();
    }

    /** Inserts the games' rows; returns the ids of those that were not kept before. */
    private static Map<GameKey, Long> insertGames(Connection connection, Iterable<GameRecord> games)
            throws SQLException {
        List<List<Object>> columns = new ArrayList<>();
        for (int i = 0; i < GAME_TYPES.length; i++) {
            columns.add(new ArrayList<>());
        }
        for (GameRecord game : games) {
            Object[] row = {StoredText.of(game.instance()), game.gameId(), Codes.of(game.kind()),
                    StoredText.of(game.roomCode()), StoredText.of(game.settings()), game.started().toEpochMilli(),
                    game.ended().toEpochMilli(), StoredText.of(game.endReason())};
            for (int i = 0; i < row.length; i++) {
                columns.get(i).add(row[i]);
            }
        }
        Map<GameKey, Long> ids = new HashMap<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_GAMES)) {
            for (int i = 0; i < GAME_TYPES.length; i++) {
                insert.setArray(i + 1, connection.createArrayOf(GAME_TYPES[i], columns.get(i).toArray()));
            }
            try (ResultSet kept = insert.executeQuery()) {
                while (kept.next()) {
                    ids.put(new GameKey(kept.getString(2), kept.getLong(3)), kept.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void addRows(long id, GameRecord game, BinaryCopyRows players, BinaryCopyRows rounds,
                                BinaryCopyRows choices) {
        int position = 0;
        for (PlayerRecord player : game.players()) {
            players.row().int8(id).int4(position++).text(player.name()).bool(player.nameVerified())
                    .text(player.certificateFingerprint()).text(player.address()).int8(player.score())
                    .int4(player.rank()).int4(player.correct()).int4(player.answered());
        }
        List<QuestionRecord> questions = game.questions();
        List<AnswerRecord> answers = game.answers();
        rounds.row().int8(id)
                .int4Array(questions.size(), i -> questions.get(i).number())
                .textArray(questions.size(), i -> questions.get(i).text())
                .textArray(questions.size(), i -> Codes.of(questions.get(i).format()))
                .textArray(questions.size(), i -> questions.get(i).acceptedAnswer())
                .int4Array(answers.size(), i -> answers.get(i).player())
                .int4Array(answers.size(), i -> answers.get(i).question())
                .textArray(answers.size(), i -> answers.get(i).text())
                .textArray(answers.size(), i -> Codes.of(answers.get(i).outcome()))
                .int8Array(answers.size(), i -> answers.get(i).points())
                .int8Array(answers.size(), i -> answers.get(i).millis());
        for (QuestionRecord question : questions) {
            int choice = 0;
            for (String text : question.choices()) {
                choices.row().int8(id).int4(question.number()).int4(choice++).text(text);
            }
        }
    }

    private record GameKey(String instance, long gameId) {
    }
}
