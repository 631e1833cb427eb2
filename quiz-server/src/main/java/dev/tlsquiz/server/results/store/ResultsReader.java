package dev.tlsquiz.server.results.store;

import dev.tlsquiz.server.results.query.ExportRow;
import dev.tlsquiz.server.results.query.GameFilter;
import dev.tlsquiz.server.results.query.GameSummary;
import dev.tlsquiz.server.results.query.LeaderboardOrder;
import dev.tlsquiz.server.results.query.LeaderboardRow;
import dev.tlsquiz.server.services.AnswerRecord;
import dev.tlsquiz.server.services.GameRecord;
import dev.tlsquiz.server.services.PlayerRecord;
import dev.tlsquiz.server.services.QuestionRecord;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The queries behind the {@code results} commands. Filters become {@code WHERE} clauses with
 * placeholders, and their values are bound: a room code or a player name is never part of the SQL.
 */
final class ResultsReader {

    private final Dialect dialect;

    ResultsReader(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The conditions a filter puts on {@code games g} (and, for an export, on {@code players p}). */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        Where(GameFilter filter, boolean playerRowsOnly) {
            filter.sinceValue().ifPresent(since -> add("g.ended_ms >= ?", since.toEpochMilli()));
            if (filter.room() != null) {
                add("g.room_code = ?", filter.room());
            }
            if (filter.player() != null) {
                add(playerRowsOnly ? "p.name = ?"
                        : "EXISTS (SELECT 1 FROM players f WHERE f.game = g.id AND f.name = ?)", filter.player());
            }
        }

        private void add(String condition, Object value) {
            conditions.add(condition);
            // Looked up as it was stored: a name with a NUL in it was kept with U+FFFD there.
            values.add(value instanceof String text ? StoredText.of(text) : value);
        }

        String sql() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        /** Binds the values from parameter {@code first} on; returns the next free index. */
        int bind(PreparedStatement statement, int first) throws SQLException {
            int index = first;
            for (Object value : values) {
                statement.setObject(index++, value);
            }
            return index;
        }
    }

    List<GameSummary> games(Connection connection, GameFilter filter) throws SQLException {
        Where where = new Where(filter, false);
        String sql = "SELECT g.instance, g.game_id, g.kind, g.room_code, g.started_ms, g.ended_ms, g.end_reason,"
                + " (SELECT COUNT(*) FROM players p WHERE p.game = g.id),"
                + " (SELECT COUNT(*) FROM questions q WHERE q.game = g.id),"
                + " (SELECT p.name FROM players p WHERE p.game = g.id ORDER BY p.position LIMIT 1),"
                + " (SELECT p.score FROM players p WHERE p.game = g.id ORDER BY p.position LIMIT 1)"
                + " FROM games g" + where.sql()
                + " ORDER BY g.ended_ms DESC, g.id DESC" + (filter.limit() > 0 ? " LIMIT ?" : "");
        List<GameSummary> games = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int next = where.bind(query, 1);
            if (filter.limit() > 0) {
                query.setInt(next, filter.limit());
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    games.add(new GameSummary(rows.getString(1), rows.getLong(2), Codes.kind(rows.getString(3)),
                            rows.getString(4), Instant.ofEpochMilli(rows.getLong(5)), Instant.ofEpochMilli(rows.getLong(6)),
                            rows.getString(7), rows.getInt(8), rows.getInt(9), rows.getString(10), rows.getLong(11)));
                }
            }
        }
        return games;
    }

    /** Every kept game with this id: one, or none, or (rarely, from several instances) more. */
    List<GameRecord> games(Connection connection, long gameId) throws SQLException {
        List<GameRecord> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, instance, game_id, kind, room_code,"
                + " settings, started_ms, ended_ms, end_reason FROM games WHERE game_id = ? ORDER BY instance")) {
            query.setLong(1, gameId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    found.add(new GameRecord(rows.getLong(3), Codes.kind(rows.getString(4)), rows.getString(2),
                            rows.getString(5), rows.getString(6), Instant.ofEpochMilli(rows.getLong(7)),
                            Instant.ofEpochMilli(rows.getLong(8)), rows.getString(9), players(connection, id),
                            questions(connection, id), answers(connection, id)));
                }
            }
        }
        return found;
    }

    private static List<PlayerRecord> players(Connection connection, long id) throws SQLException {
        List<PlayerRecord> players = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT name, name_verified, fingerprint, address,"
                + " score, rank, correct, answered FROM players WHERE game = ? ORDER BY position")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    players.add(new PlayerRecord(rows.getString(1), rows.getBoolean(2), rows.getString(3),
                            rows.getString(4), rows.getLong(5), rows.getInt(6), rows.getInt(7), rows.getInt(8)));
                }
            }
        }
        return players;
    }

    private static List<QuestionRecord> questions(Connection connection, long id) throws SQLException {
        Map<Integer, List<String>> choices = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT question, text FROM choices WHERE game = ? ORDER BY question, position")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    choices.computeIfAbsent(rows.getInt(1), number -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        List<QuestionRecord> questions = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT number, text, format, accepted_answer"
                + " FROM questions WHERE game = ? ORDER BY number")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int number = rows.getInt(1);
                    questions.add(new QuestionRecord(number, rows.getString(2), Codes.format(rows.getString(3)),
                            choices.getOrDefault(number, List.of()), rows.getString(4)));
                }
            }
        }
        return questions;
    }

    private static List<AnswerRecord> answers(Connection connection, long id) throws SQLException {
        List<AnswerRecord> answers = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT player, question, text, outcome, points,"
                + " millis FROM answers WHERE game = ? ORDER BY position")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    answers.add(new AnswerRecord(rows.getInt(1), rows.getInt(2), rows.getString(3),
                            Codes.outcome(rows.getString(4)), rows.getLong(5), rows.getLong(6)));
                }
            }
        }
        return answers;
    }

    /** One row per player per question of every game the filter selects (its limit does not apply). */
    void export(Connection connection, GameFilter filter, ResultsStore.RowSink sink) throws SQLException, IOException {
        Where where = new Where(filter, true);
        String sql = "SELECT g.instance, g.game_id, g.kind, g.room_code, g.started_ms, g.ended_ms,"
                + " p.name, p.name_verified, p.fingerprint, p.rank, p.score,"
                + " q.number, q.text, q.format, q.accepted_answer, a.text, a.outcome, a.points, a.millis"
                + " FROM games g JOIN players p ON p.game = g.id JOIN questions q ON q.game = g.id"
                + " LEFT JOIN answers a ON a.game = g.id AND a.player = p.position AND a.question = q.number"
                + where.sql()
                + " ORDER BY g.ended_ms, g.id, p.position, q.number, a.position";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            where.bind(query, 1);
            // Without a fetch size PostgreSQL's driver would hold the whole result in memory; it streams only
            // inside a transaction, which the caller opens.
            query.setFetchSize(500);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String outcome = rows.getString(17);
                    sink.row(new ExportRow(rows.getString(1), rows.getLong(2), Codes.kind(rows.getString(3)),
                            rows.getString(4), Instant.ofEpochMilli(rows.getLong(5)), Instant.ofEpochMilli(rows.getLong(6)),
                            rows.getString(7), rows.getBoolean(8), rows.getString(9), rows.getInt(10), rows.getLong(11),
                            rows.getInt(12), rows.getString(13), Codes.format(rows.getString(14)), rows.getString(15),
                            rows.getString(16), Codes.outcome(outcome),
                            outcome == null ? null : rows.getLong(18), outcome == null ? null : rows.getLong(19)));
                }
            }
        }
    }

    List<LeaderboardRow> leaderboard(Connection connection, GameFilter filter, LeaderboardOrder order)
            throws SQLException {
        Where where = new Where(filter, true);
        String accuracy = "COALESCE(SUM(p.correct) * 1.0 / NULLIF(SUM(COALESCE(a.asked, 0)), 0), 0)";
        String orderBy = switch (order) {
            case SCORE -> "SUM(p.score) DESC";
            case ACCURACY -> accuracy + " DESC, SUM(p.correct) DESC";
        };
        String sql = "SELECT p.name, COUNT(*), SUM(p.score), SUM(p.correct), SUM(p.answered), SUM(COALESCE(a.asked, 0))"
                + " FROM players p JOIN games g ON g.id = p.game"
                + " LEFT JOIN (SELECT game, player, COUNT(*) AS asked FROM answers GROUP BY game, player) a"
                + " ON a.game = p.game AND a.player = p.position"
                + where.sql()
                + " GROUP BY p.name ORDER BY " + orderBy + ", p.name COLLATE " + dialect.binaryCollation()
                + (filter.limit() > 0 ? " LIMIT ?" : "");
        List<LeaderboardRow> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int next = where.bind(query, 1);
            if (filter.limit() > 0) {
                query.setInt(next, filter.limit());
            }
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new LeaderboardRow(0, result.getString(1), result.getLong(2), result.getLong(3),
                            result.getLong(4), result.getLong(5), result.getLong(6)));
                }
            }
        }
        return ranked(rows, order);
    }

    /** Standard competition ranking (1, 1, 3): equal totals, or equal accuracies, share a rank. */
    private static List<LeaderboardRow> ranked(List<LeaderboardRow> rows, LeaderboardOrder order) {
        List<LeaderboardRow> ranked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            LeaderboardRow row = rows.get(i);
            int rank = i + 1;
            if (i > 0 && tied(rows.get(i - 1), row, order)) {
                rank = ranked.get(i - 1).rank();
            }
            ranked.add(new LeaderboardRow(rank, row.name(), row.games(), row.score(), row.correct(), row.answered(),
                    row.asked()));
        }
        return ranked;
    }

    private static boolean tied(LeaderboardRow a, LeaderboardRow b, LeaderboardOrder order) {
        return switch (order) {
            case SCORE -> a.score() == b.score();
            // Exact: the same fraction, compared without floating point.
            case ACCURACY -> a.correct() * b.asked() == b.correct() * a.asked();
        };
    }

    /** Deletes the games that ended before {@code cutoff}, with everything in them; returns how many. */
    int prune(Connection connection, Instant cutoff) throws SQLException {
        long millis = cutoff.toEpochMilli();
        // Children first, explicitly: the result does not depend on SQLite's foreign-key switch. Since
        // schema version 4 questions and answers are views over game_rounds.
        for (String table : List.of("game_rounds", "choices", "players")) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                    + " WHERE game IN (SELECT id FROM games WHERE ended_ms < ?)")) {
                delete.setLong(1, millis);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM games WHERE ended_ms < ?")) {
            delete.setLong(1, millis);
            return delete.executeUpdate();
        }
    }
}
