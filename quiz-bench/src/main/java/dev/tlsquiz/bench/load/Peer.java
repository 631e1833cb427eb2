package dev.tlsquiz.bench.load;

/** What kind of server {@code quiz bench} talks to, which decides what it sends after the handshake. */
public enum Peer {
    /** A tlsquiz server, or anything that speaks the whole protocol (the Python seed-style peer). */
    QUIZ,
    /** The bench echo peer: every frame comes back unchanged; no HELLO. */
    ECHO,
    /** A bare TLS server such as {@code openssl s_server}: only the handshakes scenario makes sense. */
    TLS_ONLY
}
