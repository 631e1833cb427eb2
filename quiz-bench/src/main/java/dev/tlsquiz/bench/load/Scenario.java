package dev.tlsquiz.bench.load;

/** What {@code quiz bench} measures; see {@link BenchCommand} for each scenario's loop. */
public enum Scenario {
    /** Connect, complete a TLS handshake, close, repeat: full and resumed handshakes. */
    HANDSHAKES,
    /** Concurrent players playing whole sessions, reconnecting when a session ends. */
    SESSIONS,
    /** Answer to verdict (or frame to echo) as fast as possible, or at a constant rate. */
    ROUNDTRIPS,
    /** Open sessions, say HELLO, hold them. */
    IDLE,
    /** Hosts open rooms, players join and play a game together: fan-out, standings, scores checked. */
    ROOM
}
