package dev.tlsquiz.server.results;

import dev.tlsquiz.server.services.GameRecord;
import java.util.List;

/**
 * A database that keeps finished games. Its methods block (JDBC): they run only on the results
 * writer's own executor, never on an event loop.
 */
public interface GameStore extends AutoCloseable {

    /**
     * Keeps one finished game, in one transaction: afterwards it is all there, or (on an exception)
     * none of it is. Saving a game whose id and instance are already kept does nothing, so a retry
     * after a lost commit acknowledgement cannot keep it twice.
     *
     * @throws GameStoreException when the database cannot be reached or refuses the write; the
     *                            writer retries
     */
    void save(GameRecord game) throws GameStoreException;

    /**
     * Keeps several finished games in one transaction (a group commit, for a writer with a backlog):
     * afterwards all of them are there, or (on an exception) none is. Games already kept are skipped, as
     * by {@link #save}. The default keeps them one after the other, each in its own transaction, which
     * keeps the same promise for each game but not for the group.
     *
     * @throws GameStoreException when the database cannot be reached or refuses the write; the writer
     *                            retries the group
     */
    default void saveAll(List<GameRecord> games) throws GameStoreException {
        for (GameRecord game : games) {
            save(game);
        }
    }

    /** Closes the store's connections. */
    @Override
    void close();
}
