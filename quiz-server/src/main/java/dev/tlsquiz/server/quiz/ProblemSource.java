package dev.tlsquiz.server.quiz;

import dev.tlsquiz.bank.Question;
import java.util.OptionalInt;

/**
 * The questions of one session, in order. A session asks {@link #next()} once per round, always on
 * its channel's event loop, so an implementation must not block; it need not be thread-safe
 * unless it is shared between sessions.
 */
public interface ProblemSource {

    /** The question for the next round. */
    Question next();

    /**
     * How many questions this source can ask before it would run out; empty when it never does (the
     * arithmetic generator, a bank served with {@code --repeat}). A session asks at most this many.
     */
    default OptionalInt available() {
        return OptionalInt.empty();
    }

    /**
     * Whether any question this source may ask takes several choices, which protocol version 1 cannot
     * express: the session then refuses a version 1 client.
     */
    default boolean hasSeveralChoices() {
        return false;
    }
}
