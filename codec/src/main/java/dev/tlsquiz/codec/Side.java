package dev.tlsquiz.codec;

/** The role of one end of a connection. */
public enum Side {
    CLIENT,
    SERVER;

    /** The other end of the connection. */
    public Side peer() {
        return this == CLIENT ? SERVER : CLIENT;
    }
}
