package dev.tlsquiz.server.services;

/**
 * Where the results of played sessions go. Called on the session's event loop when its connection
 * closes, so an implementation must not block: one that writes to a database or a file hands the
 * result to an executor of its own.
 */
@FunctionalInterface
public interface ResultSink {

    /** A session that was played has ended. */
    void sessionEnded(SessionResult result);

    /** Keeps nothing: the server's default, as each session's log line already records its result. */
    static ResultSink none() {
        return result -> { };
    }
}
