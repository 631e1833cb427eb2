package dev.tlsquiz.server.quiz;

/**
 * Where sessions get their questions: the server asks for one {@link ProblemSource} per session
 * when the session is welcomed. Generated arithmetic gives every session its own generator; a
 * question bank read from a file or a shared live room can hand out sources over the same
 * questions without the networking code changing. Must be thread-safe: sessions on different event
 * loops call {@link #newSession()} concurrently.
 */
@FunctionalInterface
public interface ProblemSourceFactory {

    /** A source of questions for a new session. */
    ProblemSource newSession();
}
