package dev.tlsquiz.server.results.store;

import dev.tlsquiz.server.services.AnswerRecord;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.PlayerRecord;
import dev.tlsquiz.server.services.QuestionRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Writes a game as a server at schema version 1 did, a row per player, question, choice and answer,
 * in either dialect: what the migration tests carry forward to the current version. The current
 * writers cannot, since a later version may keep the rows differently (PostgreSQL's version 4).
 */
final class Version1Rows {

    private Version1Rows() {
    }

    static void write(Connection connection, GameRecord game) throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO games (instance, game_id, kind,"
                + " room_code, settings, started_ms, ended_ms, end_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, game.instance());
            insert.setLong(2, game.gameId());
            insert.setString(3, Codes.of(game.kind()));
            insert.setString(4, game.roomCode());
            insert.setString(5, game.settings());
            insert.setLong(6, game.started().toEpochMilli());
            insert.setLong(7, game.ended().toEpochMilli());
            insert.setString(8, game.endReason());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
        }
        int position = 0;
        for (PlayerRecord player : game.players()) {
            execute(connection, "INSERT INTO players (game, position, name, name_verified, fingerprint, address,"
                            + " score, rank, correct, answered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, position++,
                    player.name(), player.nameVerified(), player.certificateFingerprint(), player.address(),
                    player.score(), player.rank(), player.correct(), player.answered());
        }
        for (QuestionRecord question : game.questions()) {
            execute(connection, "INSERT INTO questions (game, number, text, format, accepted_answer)"
                            + " VALUES (?, ?, ?, ?, ?)", id, question.number(), question.text(),
                    Codes.of(question.format()), question.acceptedAnswer());
            int choice = 0;
            for (String text : question.choices()) {
                execute(connection, "INSERT INTO choices (game, question, position, text) VALUES (?, ?, ?, ?)",
                        id, question.number(), choice++, text);
            }
        }
        position = 0;
        for (AnswerRecord answer : game.answers()) {
            execute(connection, "INSERT INTO answers (game, position, player, question, text, outcome, points, millis)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, position++, answer.player(), answer.question(),
                    answer.text(), Codes.of(answer.outcome()), answer.points(), answer.millis());
        }
    }

    private static void execute(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
