package dev.tlsquiz.server.services;

import dev.tlsquiz.codec.ErrorCode;

/** How a session that was started (WELCOME sent) ended: a fixed set, for a metric's label. */
public enum SessionEnd {
    /** Every round was played and SUMMARY sent. */
    COMPLETED,
    /** The player said BYE. */
    BYE,
    /** The connection went away without BYE (the client quit, the network failed, a slow consumer was cut). */
    DISCONNECTED,
    /** The client sent an ERROR. */
    CLIENT_ERROR,
    /** Nothing arrived for {@code --idle-timeout}: ERROR IDLE_TIMEOUT. */
    IDLE_TIMEOUT,
    /** The client sent more than {@code --max-messages-per-second}: ERROR RATE_LIMITED. */
    RATE_LIMITED,
    /** The server shut down before the game ended: ERROR SERVER_SHUTTING_DOWN. */
    SHUTDOWN,
    /** The client broke the protocol: any other ERROR the server sent. */
    PROTOCOL_ERROR,
    /** The server failed: ERROR INTERNAL_ERROR. */
    INTERNAL_ERROR;

    /** How a session ends when the server ends it with an ERROR of {@code code}. */
    public static SessionEnd byError(ErrorCode code) {
        return switch (code) {
            case IDLE_TIMEOUT -> IDLE_TIMEOUT;
            case RATE_LIMITED -> RATE_LIMITED;
            case SERVER_SHUTTING_DOWN -> SHUTDOWN;
            case INTERNAL_ERROR -> INTERNAL_ERROR;
            default -> PROTOCOL_ERROR;
        };
    }
}
