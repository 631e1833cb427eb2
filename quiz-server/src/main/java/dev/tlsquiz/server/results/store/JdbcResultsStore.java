package dev.tlsquiz.server.results.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.tlsquiz.server.results.GameStoreException;
import dev.tlsquiz.server.results.query.GameFilter;
import dev.tlsquiz.server.results.query.GameSummary;
import dev.tlsquiz.server.results.query.LeaderboardOrder;
import dev.tlsquiz.server.results.query.LeaderboardRow;
import dev.tlsquiz.server.services.GameRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * A {@link ResultsStore} over a connection pool: one transaction per call, rolled back on any failure,
 * so that a game is kept whole or not at all and a failed prune deletes nothing.
 */
final class JdbcResultsStore implements ResultsStore {

    private final HikariDataSource pool;
    private final String where;
    private final ResultsReader reader;
    private final GameWriter writer;

    JdbcResultsStore(HikariDataSource pool, Dialect dialect, String where) {
        this.pool = pool;
        this.where = where;
        this.reader = new ResultsReader(dialect);
        this.writer = GameWriter.of(dialect);
    }

    /** One unit of work on a connection in a transaction. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    private <T> T inTransaction(String what, Work<T> work) throws GameStoreException, IOException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new GameStoreException("cannot " + what + " (" + where + "): " + e.getMessage(), e);
        }
    }

    private <T> T inTransactionNoIo(String what, Work<T> work) throws GameStoreException {
        try {
            return inTransaction(what, work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The connection is broken; the pool discards it. What the caller needs is the first failure.
            cause.addSuppressed(e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when an answer points at a player or a question the game does not
     *                                  have: such a record can never be kept, so it is not worth a retry
     */
    @Override
    public void save(GameRecord game) throws GameStoreException {
        GameRecordCheck.check(game);
        inTransactionNoIo("keep game " + Long.toHexString(game.gameId()),
                connection -> writer.write(connection, List.of(game)));
    }

    @Override
    public void saveAll(List<GameRecord> games) throws GameStoreException {
        games.forEach(GameRecordCheck::check);
        inTransactionNoIo("keep " + games.size() + " games", connection -> writer.write(connection, games));
    }

    @Override
    public String describe() {
        return where;
    }

    @Override
    public List<GameSummary> games(GameFilter filter) throws GameStoreException {
        return inTransactionNoIo("list games", connection -> reader.games(connection, filter));
    }

    @Override
    public List<GameRecord> games(long gameId) throws GameStoreException {
        return inTransactionNoIo("read game " + Long.toHexString(gameId), connection -> reader.games(connection, gameId));
    }

    @Override
    public void export(GameFilter filter, RowSink sink) throws GameStoreException, IOException {
        inTransaction("export results", connection -> {
            reader.export(connection, filter, sink);
            return null;
        });
    }

    @Override
    public List<LeaderboardRow> leaderboard(GameFilter filter, LeaderboardOrder order) throws GameStoreException {
        return inTransactionNoIo("rank players", connection -> reader.leaderboard(connection, filter, order));
    }

    @Override
    public int prune(Instant cutoff) throws GameStoreException {
        return inTransactionNoIo("prune games", connection -> reader.prune(connection, cutoff));
    }

    @Override
    public void close() {
        pool.close();
    }
}
