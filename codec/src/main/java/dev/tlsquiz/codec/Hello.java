package dev.tlsquiz.codec;

/**
 * HELLO, client to server, the first message of a session.
 *
 * @param version         the protocol version the client speaks (u16)
 * @param playerName      the name the player wants to be shown as (UTF-8); a verified client
 *                        certificate overrides it
 * @param requestedRounds the number of rounds the player asks for (u16); {@code 0} means "the
 *                        server's default"
 */
public record Hello(int version, String playerName, int requestedRounds) implements QuizMessage {

    /** {@link #requestedRounds} value meaning "whatever the server's default is". */
    public static final int SERVER_DEFAULT_ROUNDS = 0;

    public Hello {
        Fields.u16("version", version);
        Fields.string("playerName", playerName);
        Fields.u16("requestedRounds", requestedRounds);
    }

    /** A HELLO for the current protocol version that leaves the number of rounds to the server. */
    public static Hello of(String playerName) {
        return new Hello(Protocol.VERSION, playerName, SERVER_DEFAULT_ROUNDS);
    }

    @Override
    public MessageType type() {
        return MessageType.HELLO;
    }
}
