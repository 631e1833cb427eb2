package dev.tlsquiz.bench.load;

/** Which handshakes the handshakes scenario measures. */
public enum HandshakeMode {
    /** Full handshakes, then resumed ones, each for the whole --duration. */
    BOTH,
    /** Only full handshakes: every connection is made as if to a server never seen before. */
    FULL,
    /** Only resumed handshakes: every connection offers the session of the previous one. */
    RESUMED
}
