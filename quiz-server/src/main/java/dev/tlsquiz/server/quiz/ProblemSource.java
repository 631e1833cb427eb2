package dev.tlsquiz.server.quiz;

/**
 * The questions of one session, in order. A session asks {@link #next()} once per round, always on
 * its channel's event loop, so an implementation must not block; it need not be thread-safe
 * unless it is shared between sessions.
 */
public interface ProblemSource {

    /** The question for the next round. */
    Question next();
}
