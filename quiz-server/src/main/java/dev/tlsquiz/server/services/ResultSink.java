package dev.tlsquiz.server.services;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where the results of played games go. Called on event loops, so an implementation must not block:
 * one that writes to a database hands the game to an executor of its own.
 *
 * <p>The durability promise rests on {@link #gameEnded}: a solo game's SUMMARY and a room's final
 * standings are sent only once the stage it returns has completed, so a player is never shown a
 * result the store could still lose.
 */
public interface ResultSink {

    /** A session that was played has ended (the per-session log line's view). */
    default void sessionEnded(SessionResult result) {
    }

    /**
     * A game has ended: keep it. The returned stage completes when the game is kept (committed), or
     * at once for a sink that keeps nothing; it completes exceptionally when the game cannot be kept.
     * Called on an event loop: must not block.
     */
    default CompletionStage<Void> gameEnded(GameRecord game) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Whether the sink can take another game now. False while its queue of games waiting to be kept
     * is full: the server then refuses new games with {@code SERVER_BUSY} rather than lose results.
     */
    default boolean accepting() {
        return true;
    }

    /** Games handed over and not yet kept: the writer's backlog. */
    default int queued() {
        return 0;
    }

    /** Keeps nothing: as each session's log line already records its result. */
    static ResultSink none() {
        return new ResultSink() { };
    }
}
