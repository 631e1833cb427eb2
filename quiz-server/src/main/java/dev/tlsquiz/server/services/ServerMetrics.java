package dev.tlsquiz.server.services;

import dev.tlsquiz.server.game.Judgement;

/**
 * Counters of the server's games. Called on event loops, from many at once: an implementation
 * must be thread-safe and must not block.
 */
public interface ServerMetrics {

    /** A player was welcomed and a game began. */
    void sessionStarted();

    /** A problem was judged. */
    void judged(Judgement judgement);

    /** Counts nothing: the server's default, which exports no metrics. */
    static ServerMetrics none() {
        return new ServerMetrics() {
            @Override
            public void sessionStarted() {
            }

            @Override
            public void judged(Judgement judgement) {
            }
        };
    }
}
