package dev.tlsquiz.server.results.store;

import dev.tlsquiz.server.results.GameStore;
import dev.tlsquiz.server.results.GameStoreException;
import dev.tlsquiz.server.results.query.ExportRow;
import dev.tlsquiz.server.results.query.GameFilter;
import dev.tlsquiz.server.results.query.GameSummary;
import dev.tlsquiz.server.results.query.LeaderboardOrder;
import dev.tlsquiz.server.results.query.LeaderboardRow;
import dev.tlsquiz.server.services.GameRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * A results database opened by {@link GameStores#open}: the server's {@link GameStore}, and the queries
 * of the {@code results} commands. Every method blocks (JDBC).
 */
public interface ResultsStore extends GameStore {

    /**
     * Keeps several finished games in one transaction: afterwards all of them are there, or (on an
     * exception) none. Games already kept are skipped, as by {@link #save}. One commit (one disk sync)
     * for the lot: a writer with a backlog can catch up much faster than one game per transaction, and
     * each game is still committed before its result is shown.
     *
     * @throws IllegalArgumentException when a game contradicts itself (nothing is kept then)
     */
    void saveAll(List<GameRecord> games) throws GameStoreException;

    /** Where it is, in words ({@link DatabaseLocation#describe()}). */
    String describe();

    /** The games the filter selects, the most recently ended first. */
    List<GameSummary> games(GameFilter filter) throws GameStoreException;

    /**
     * Every kept game with this id, read back whole (several only when several server instances
     * happened to use the same id), ordered by instance.
     */
    List<GameRecord> games(long gameId) throws GameStoreException;

    /**
     * One row per player per question of the games the filter selects, oldest game first, handed to
     * {@code sink} as they are read.
     *
     * @throws IOException when the sink fails
     */
    void export(GameFilter filter, RowSink sink) throws GameStoreException, IOException;

    /** The leaderboard over the games the filter selects (its room and player narrow it too). */
    List<LeaderboardRow> leaderboard(GameFilter filter, LeaderboardOrder order) throws GameStoreException;

    /** Deletes every game that ended before {@code cutoff}, in one transaction; returns how many. */
    int prune(Instant cutoff) throws GameStoreException;

    /** Takes export rows one at a time. */
    @FunctionalInterface
    interface RowSink {
        void row(ExportRow row) throws IOException;
    }
}
