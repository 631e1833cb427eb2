package dev.tlsquiz.server.services;

import dev.tlsquiz.server.game.Judgement;

/**
 * Counters of the server's games. Called on event loops, from many at once: an implementation
 * must be thread-safe and must not block. Every method has an empty default, so a driver can report
 * an event before an implementation counts it.
 */
public interface ServerMetrics {

    /** A player was welcomed and a game began. */
    default void sessionStarted() {
    }

    /** A problem was judged. */
    default void judged(Judgement judgement) {
    }

    /** A room was opened by a host. */
    default void roomOpened() {
    }

    /** A room was closed (its game over, ended by the host, or left without host). */
    default void roomClosed() {
    }

    /** Players joined (positive) or left (negative) a room. */
    default void roomPlayersChanged(int delta) {
    }

    /**
     * A room's question reached its players: the time from the host's command (or the previous
     * question's close) to the last player's write completing.
     */
    default void roomFanOut(long nanos) {
    }

    /** The results store kept a game. */
    default void resultsWritten() {
    }

    /** A write to the results store failed; it will be retried. */
    default void resultsWriteFailed() {
    }

    /** A game's write to the results store was retried. */
    default void resultsRetried() {
    }

    /** Counts nothing: the server's default, which exports no metrics. */
    static ServerMetrics none() {
        return new ServerMetrics() { };
    }
}
