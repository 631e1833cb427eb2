package dev.tlsquiz.server.results.store;

import dev.tlsquiz.server.services.AnswerRecord;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.PlayerRecord;
import dev.tlsquiz.server.services.QuestionRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes one finished game on a connection the caller holds in a transaction: the game row first,
 * skipped when (instance, game id) is already kept, then its players, questions, choices and answers,
 * each table in one batch. Every value is a bound parameter; text passes through {@link StoredText}.
 */
final class GameWriter {

    private static final String INSERT_GAME = "INSERT INTO games (instance, game_id, kind, room_code, settings,"
            + " started_ms, ended_ms, end_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (instance, game_id) DO NOTHING RETURNING id";
    private static final String INSERT_PLAYER = "INSERT INTO players (game, position, name, name_verified,"
            + " fingerprint, address, score, rank, correct, answered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_QUESTION = "INSERT INTO questions (game, number, text, format,"
            + " accepted_answer) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_CHOICE = "INSERT INTO choices (game, question, position, text)"
            + " VALUES (?, ?, ?, ?)";
    private static final String INSERT_ANSWER = "INSERT INTO answers (game, position, player, question, text,"
            + " outcome, points, millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private GameWriter() {
    }

    /**
     * Checks that the record's answers point at its own players and questions, and that question numbers
     * are unique: a record that contradicts itself can never be stored, so retrying it would be pointless.
     *
     * @throws IllegalArgumentException naming the first contradiction
     */
    static void check(GameRecord game) {
        Set<Integer> numbers = new HashSet<>();
        for (QuestionRecord question : game.questions()) {
            if (!numbers.add(question.number())) {
                throw new IllegalArgumentException("game " + Long.toHexString(game.gameId()) + " asks question "
                        + question.number() + " twice");
            }
        }
        for (AnswerRecord answer : game.answers()) {
            if (answer.player() < 0 || answer.player() >= game.players().size()) {
                throw new IllegalArgumentException("game " + Long.toHexString(game.gameId()) + ": an answer of player "
                        + answer.player() + " (expected: 0 to " + (game.players().size() - 1) + ")");
            }
            if (!numbers.contains(answer.question())) {
                throw new IllegalArgumentException("game " + Long.toHexString(game.gameId())
                        + ": an answer to question " + answer.question() + ", which the game did not ask");
            }
        }
    }

    /** Writes {@code game}; returns false (and writes nothing) when it is already kept. */
    static boolean write(Connection connection, GameRecord game) throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement(INSERT_GAME)) {
            insert.setString(1, StoredText.of(game.instance()));
            insert.setLong(2, game.gameId());
            insert.setString(3, Codes.of(game.kind()));
            setNullable(insert, 4, game.roomCode());
            insert.setString(5, StoredText.of(game.settings()));
            insert.setLong(6, game.started().toEpochMilli());
            insert.setLong(7, game.ended().toEpochMilli());
            insert.setString(8, StoredText.of(game.endReason()));
            try (ResultSet key = insert.executeQuery()) {
                if (!key.next()) {
                    return false;
                }
                id = key.getLong(1);
            }
        }
        writePlayers(connection, id, game);
        writeQuestions(connection, id, game);
        writeAnswers(connection, id, game);
        return true;
    }

    private static void writePlayers(Connection connection, long id, GameRecord game) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_PLAYER)) {
            int position = 0;
            for (PlayerRecord player : game.players()) {
                insert.setLong(1, id);
                insert.setInt(2, position++);
                insert.setString(3, StoredText.of(player.name()));
                insert.setBoolean(4, player.nameVerified());
                setNullable(insert, 5, player.certificateFingerprint());
                setNullable(insert, 6, player.address());
                insert.setLong(7, player.score());
                insert.setInt(8, player.rank());
                insert.setInt(9, player.correct());
                insert.setInt(10, player.answered());
                insert.addBatch();
            }
            execute(insert, game.players().size());
        }
    }

    private static void writeQuestions(Connection connection, long id, GameRecord game) throws SQLException {
        int choices = 0;
        try (PreparedStatement insert = connection.prepareStatement(INSERT_QUESTION)) {
            for (QuestionRecord question : game.questions()) {
                insert.setLong(1, id);
                insert.setInt(2, question.number());
                insert.setString(3, StoredText.of(question.text()));
                insert.setString(4, Codes.of(question.format()));
                insert.setString(5, StoredText.of(question.acceptedAnswer()));
                insert.addBatch();
                choices += question.choices().size();
            }
            execute(insert, game.questions().size());
        }
        if (choices == 0) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_CHOICE)) {
            for (QuestionRecord question : game.questions()) {
                int position = 0;
                for (String choice : question.choices()) {
                    insert.setLong(1, id);
                    insert.setInt(2, question.number());
                    insert.setInt(3, position++);
                    insert.setString(4, StoredText.of(choice));
                    insert.addBatch();
                }
            }
            execute(insert, choices);
        }
    }

    private static void writeAnswers(Connection connection, long id, GameRecord game) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ANSWER)) {
            int position = 0;
            for (AnswerRecord answer : game.answers()) {
                insert.setLong(1, id);
                insert.setInt(2, position++);
                insert.setInt(3, answer.player());
                insert.setInt(4, answer.question());
                setNullable(insert, 5, answer.text());
                insert.setString(6, Codes.of(answer.outcome()));
                insert.setLong(7, answer.points());
                insert.setLong(8, answer.millis());
                insert.addBatch();
            }
            execute(insert, game.answers().size());
        }
    }

    private static void execute(PreparedStatement batch, int rows) throws SQLException {
        if (rows > 0) {
            batch.executeBatch();
        }
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, StoredText.of(value));
        }
    }
}
