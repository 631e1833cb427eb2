package dev.tlsquiz.codec;

/** Who may send a message type. A message received from the wrong side is a protocol error. */
public enum Direction {
    CLIENT_TO_SERVER,
    SERVER_TO_CLIENT,
    BOTH;

    /** Whether a peer playing {@code sender} may send a message of this direction. */
    public boolean allowsSender(Side sender) {
        return switch (this) {
            case BOTH -> true;
            case CLIENT_TO_SERVER -> sender == Side.CLIENT;
            case SERVER_TO_CLIENT -> sender == Side.SERVER;
        };
    }
}
