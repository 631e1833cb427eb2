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

    /** Counts nothing: the server's default, which exports no metrics. */
    static ServerMetrics none() {
        return new ServerMetrics() { };
    }
}
