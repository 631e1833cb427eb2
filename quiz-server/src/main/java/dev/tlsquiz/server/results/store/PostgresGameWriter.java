package dev.tlsquiz.server.results.store;

import dev.tlsquiz.server.services.AnswerRecord;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.PlayerRecord;
import dev.tlsquiz.server.services.QuestionRecord;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The PostgreSQL writer: a whole group of games in one statement, each table's rows sent as arrays
 * (one per column) and unnested on the server. A game costs a round trip no more, and the statement's
 * text never changes, so the driver prepares it once per connection and the server plans it once.
 *
 * <p>The games are numbered in the group ({@code k}); the new game rows come back with their ids, and
 * every other table joins its rows to those ids by {@code k}, so that a game already kept (skipped by
 * {@code ON CONFLICT}) takes none of its rows with it. The schema has no foreign keys (version 2): that
 * every answer points at a player and a question of its own game was checked before, by
 * {@link GameRecordCheck}, and the one statement writes a game's rows all or none.
 */
final class PostgresGameWriter implements GameWriter {

    private static final String INSERT_GROUP = """
            WITH source AS (
                SELECT * FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::bigint[],
                                     ?::bigint[], ?::text[])
                    WITH ORDINALITY AS s (instance, game_id, kind, room_code, settings, started_ms, ended_ms,
                                          end_reason, k)
            ), kept AS (
                INSERT INTO games (instance, game_id, kind, room_code, settings, started_ms, ended_ms, end_reason)
                SELECT instance, game_id, kind, room_code, settings, started_ms, ended_ms, end_reason
                FROM source ORDER BY k
                ON CONFLICT (instance, game_id) DO NOTHING
                RETURNING id, instance, game_id
            ), ids AS (
                SELECT source.k, kept.id FROM kept JOIN source USING (instance, game_id)
            ), new_players AS (
                INSERT INTO players (game, position, name, name_verified, fingerprint, address, score, rank,
                                     correct, answered)
                SELECT ids.id, r.position, r.name, r.name_verified, r.fingerprint, r.address, r.score, r.rank,
                       r.correct, r.answered
                FROM unnest(?::bigint[], ?::int[], ?::text[], ?::boolean[], ?::text[], ?::text[], ?::bigint[],
                            ?::int[], ?::int[], ?::int[])
                    AS r (k, position, name, name_verified, fingerprint, address, score, rank, correct, answered)
                JOIN ids USING (k)
            ), new_questions AS (
                INSERT INTO questions (game, number, text, format, accepted_answer)
                SELECT ids.id, r.number, r.text, r.format, r.accepted_answer
                FROM unnest(?::bigint[], ?::int[], ?::text[], ?::text[], ?::text[])
                    AS r (k, number, text, format, accepted_answer)
                JOIN ids USING (k)
            ), new_choices AS (
                INSERT INTO choices (game, question, position, text)
                SELECT ids.id, r.question, r.position, r.text
                FROM unnest(?::bigint[], ?::int[], ?::int[], ?::text[]) AS r (k, question, position, text)
                JOIN ids USING (k)
            ), new_answers AS (
                INSERT INTO answers (game, position, player, question, text, outcome, points, millis)
                SELECT ids.id, r.position, r.player, r.question, r.text, r.outcome, r.points, r.millis
                FROM unnest(?::bigint[], ?::int[], ?::int[], ?::int[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])
                    AS r (k, position, player, question, text, outcome, points, millis)
                JOIN ids USING (k)
            )
            SELECT count(*) FROM kept""";

    @Override
    public int write(Connection connection, List<GameRecord> games) throws SQLException {
        GroupColumns columns = new GroupColumns();
        Set<GameKey> seen = new HashSet<>();
        for (GameRecord game : games) {
            // The same game twice in a group would give its rows twice to the one game row kept.
            if (seen.add(new GameKey(StoredText.of(game.instance()), game.gameId()))) {
                columns.add(game);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_GROUP)) {
            columns.bind(connection, insert);
            try (ResultSet count = insert.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        }
    }

    private record GameKey(String instance, long gameId) {
    }

    /** The group's rows, column by column, in the order of the statement's parameters. */
    private static final class GroupColumns {
        private long k;
        private final Column games = new Column("text", "bigint", "text", "text", "text", "bigint", "bigint", "text");
        private final Column players = new Column("bigint", "int", "text", "boolean", "text", "text", "bigint",
                "int", "int", "int");
        private final Column questions = new Column("bigint", "int", "text", "text", "text");
        private final Column choices = new Column("bigint", "int", "int", "text");
        private final Column answers = new Column("bigint", "int", "int", "int", "text", "text", "bigint", "bigint");

        void add(GameRecord game) {
            k++;
            games.row(StoredText.of(game.instance()), game.gameId(), Codes.of(game.kind()),
                    StoredText.of(game.roomCode()), StoredText.of(game.settings()), game.started().toEpochMilli(),
                    game.ended().toEpochMilli(), StoredText.of(game.endReason()));
            int position = 0;
            for (PlayerRecord player : game.players()) {
                players.row(k, position++, StoredText.of(player.name()), player.nameVerified(),
                        StoredText.of(player.certificateFingerprint()), StoredText.of(player.address()),
                        player.score(), player.rank(), player.correct(), player.answered());
            }
            for (QuestionRecord question : game.questions()) {
                questions.row(k, question.number(), StoredText.of(question.text()), Codes.of(question.format()),
                        StoredText.of(question.acceptedAnswer()));
                int choice = 0;
                for (String text : question.choices()) {
                    choices.row(k, question.number(), choice++, StoredText.of(text));
                }
            }
            position = 0;
            for (AnswerRecord answer : game.answers()) {
                answers.row(k, position++, answer.player(), answer.question(), StoredText.of(answer.text()),
                        Codes.of(answer.outcome()), answer.points(), answer.millis());
            }
        }

        void bind(Connection connection, PreparedStatement statement) throws SQLException {
            int index = 1;
            for (Column column : List.of(games, players, questions, choices, answers)) {
                index = column.bind(connection, statement, index);
            }
        }
    }

    /** One table's rows as one list of values per column, bound as arrays of the column's SQL type. */
    private static final class Column {
        private final String[] types;
        private final List<List<Object>> values = new ArrayList<>();

        Column(String... types) {
            this.types = types;
            for (int i = 0; i < types.length; i++) {
                values.add(new ArrayList<>());
            }
        }

        void row(Object... row) {
            for (int i = 0; i < row.length; i++) {
                values.get(i).add(row[i]);
            }
        }

        int bind(Connection connection, PreparedStatement statement, int first) throws SQLException {
            for (int i = 0; i < types.length; i++) {
                Array array = connection.createArrayOf(types[i], values.get(i).toArray());
                statement.setArray(first + i, array);
            }
            return first + types.length;
        }
    }
}
