package dev.tlsquiz.server.quiz;

/**
 * Where sessions get their questions: the server asks for one {@link ProblemSource} per session
 * when the session is welcomed. Generated arithmetic gives every session its own generator; a
 * question bank read from a file can hand out sources over the same questions without the
 * networking code changing. A shared live room is not a problem source (its problems are opened
 * and timed for all its players at once): it is a second driver of
 * {@link dev.tlsquiz.server.game.PlayerGame}, one game per player, each handed the same questions.
 * Must be thread-safe: sessions on different event loops call {@link #newSession()} concurrently.
 */
@FunctionalInterface
public interface ProblemSourceFactory {

    /** A source of questions for a new session. */
    ProblemSource newSession();
}
