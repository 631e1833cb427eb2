package dev.tlsquiz.server;

/**
 * Fired into every connection's pipeline when the shutdown grace period is over: the session tells
 * its player that the server is shutting down and closes.
 */
enum ServerShutdownEvent {
    INSTANCE
}
