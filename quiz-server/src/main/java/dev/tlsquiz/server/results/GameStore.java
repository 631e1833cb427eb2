package dev.tlsquiz.server.results;

import dev.tlsquiz.server.services.GameRecord;

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

    /** Closes the store's connections. */
    @Override
    void close();
}
