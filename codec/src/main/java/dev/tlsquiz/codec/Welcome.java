package dev.tlsquiz.codec;

/**
 * WELCOME, server to client: the server accepted the HELLO and the session begins.
 *
 * @param version          the protocol version the session uses (u16)
 * @param sessionId        an id for this session, for logs and support (u64, any bits)
 * @param rounds           the number of problems the session will have (u16)
 * @param timeLimitMillis  the time allowed per problem, in milliseconds (u32)
 * @param playerName       the name the server knows the player by (from HELLO, or the client
 *                         certificate's CN under mutual TLS)
 * @param serverName       the server's name and version, such as {@code tlsquiz/0.1.0}
 */
public record Welcome(int version, long sessionId, int rounds, long timeLimitMillis,
                      String playerName, String serverName) implements QuizMessage {

    public Welcome {
        Fields.u16("version", version);
        Fields.u16("rounds", rounds);
        Fields.u32("timeLimitMillis", timeLimitMillis);
        Fields.string("playerName", playerName);
        Fields.string("serverName", serverName);
    }

    @Override
    public MessageType type() {
        return MessageType.WELCOME;
    }
}
