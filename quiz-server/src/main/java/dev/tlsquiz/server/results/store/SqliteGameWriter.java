package dev.tlsquiz.server.results.store;

import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.PlayerRecord;
import dev.tlsquiz.server.services.QuestionRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQLite writer: the game rows first, each keeping the id it was given (or skipped when already
 * kept), then the players, the questions and answers (one {@code game_rounds} row a game, as JSON:
 * {@link JsonRounds}, schema version 4) and the choices of every new game of the group, one batch per
 * table. Each statement is prepared once per group: SQLite has no statement cache of its own, and
 * compiling a statement costs more than stepping it for a row.
 */
final class SqliteGameWriter implements GameWriter {

    private static final String INSERT_GAME = "INSERT INTO games (instance, game_id, kind, room_code, settings,"
            + " started_ms, ended_ms, end_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (instance, game_id) DO NOTHING RETURNING id";
    private static final String INSERT_PLAYER = "INSERT INTO players (game, position, name, name_verified,"
            + " fingerprint, address, score, rank, correct, answered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_ROUNDS = "INSERT INTO game_rounds (game, questions, answers) VALUES (?, ?, ?)";
    private static final String INSERT_CHOICE = "INSERT INTO choices (game, question, position, text)"
            + " VALUES (?, ?, ?, ?)";

    /** A game written in this group, with the id its row was given. */
    private record Written(long id, GameRecord game) {
    }

    @Override
    public int write(Connection connection, List<GameRecord> games) throws SQLException {
        List<Written> written = insertGames(connection, games);
        if (written.isEmpty()) {
            return 0;
        }
        insertPlayers(connection, written);
        insertRounds(connection, written);
        insertChoices(connection, written);
        return written.size();
    }

    private static List<Written> insertGames(Connection connection, List<GameRecord> games) throws SQLException {
        List<Written> written = new ArrayList<>(games.size());
        try (PreparedStatement insert = connection.prepareStatement(INSERT_GAME)) {
            for (GameRecord game : games) {
                insert.setString(1, StoredText.of(game.instance()));
                insert.setLong(2, game.gameId());
                insert.setString(3, Codes.of(game.kind()));
                setNullable(insert, 4, game.roomCode());
                insert.setString(5, StoredText.of(game.settings()));
                insert.setLong(6, game.started().toEpochMilli());
                insert.setLong(7, game.ended().toEpochMilli());
                insert.setString(8, StoredText.of(game.endReason()));
                try (ResultSet key = insert.executeQuery()) {
                    if (key.next()) {
                        written.add(new Written(key.getLong(1), game));
                    }
                }
            }
        }
        return written;
    }

    private static void insertPlayers(Connection connection, List<Written> written) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_PLAYER)) {
            int rows = 0;
            for (Written w : written) {
                int position = 0;
                for (PlayerRecord player : w.game().players()) {
                    insert.setLong(1, w.id());
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
                    rows++;
                }
            }
            execute(insert, rows);
        }
    }

    private static void insertRounds(Connection connection, List<Written> written) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ROUNDS)) {
            for (Written w : written) {
                insert.setLong(1, w.id());
                insert.setString(2, JsonRounds.questions(w.game().questions()));
                insert.setString(3, JsonRounds.answers(w.game().answers()));
                insert.addBatch();
            }
            execute(insert, written.size());
        }
    }

    private static void insertChoices(Connection connection, List<Written> written) throws SQLException {
        if (written.stream().allMatch(w -> w.game().questions().stream().allMatch(q -> q.choices().isEmpty()))) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_CHOICE)) {
            int rows = 0;
            for (Written w : written) {
                for (QuestionRecord question : w.game().questions()) {
                    int position = 0;
                    for (String choice : question.choices()) {
                        insert.setLong(1, w.id());
                        insert.setInt(2, question.number());
                        insert.setInt(3, position++);
                        insert.setString(4, StoredText.of(choice));
                        insert.addBatch();
                        rows++;
                    }
                }
            }
            execute(insert, rows);
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
