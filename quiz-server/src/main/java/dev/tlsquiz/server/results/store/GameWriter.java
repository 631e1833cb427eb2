package dev.tlsquiz.server.results.store;

import dev.tlsquiz.server.services.GameRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a group of finished games on a connection the caller holds in a transaction. Each game is
 * written whole (its row, players, questions, choices and answers) or, when (instance, game id) is
 * already kept, not at all: saving is idempotent. Every value is a bound parameter; text passes
 * through {@link StoredText}. The games were checked by {@link GameRecordCheck} first.
 *
 * <p>The two databases get a writer each because what a row costs differs: SQLite runs in-process, so
 * its writer prepares each statement once per group and steps it per row; PostgreSQL is a round trip
 * away, so its writer sends a whole group as one statement.
 */
interface GameWriter {

    /** Writes {@code games}; returns how many were new (the others were already kept). */
    int write(Connection connection, List<GameRecord> games) throws SQLException;

    /** The writer for {@code dialect}. */
    static GameWriter of(Dialect dialect) {
        return switch (dialect) {
            case SQLITE -> new SqliteGameWriter();
            case POSTGRESQL -> new PostgresGameWriter();
        };
    }
}
