package dev.tlsquiz.codec;

/**
 * PONG, either direction: the answer to a {@link Ping}.
 *
 * @param token the token of the PING answered
 */
public record Pong(long token) implements QuizMessage {

    @Override
    public MessageType type() {
        return MessageType.PONG;
    }
}
