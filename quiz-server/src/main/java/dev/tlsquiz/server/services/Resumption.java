package dev.tlsquiz.server.services;

/** Whether a completed TLS handshake resumed an earlier session. */
public enum Resumption {
    /** A full handshake. */
    FULL,
    /** An earlier session was resumed (a session ticket). */
    RESUMED,
    /** The TLS provider does not say (the JDK's): counted apart rather than guessed. */
    UNKNOWN
}
