package dev.tlsquiz.codec;

/**
 * PING, either direction: a heartbeat; the receiver answers with a {@link Pong} carrying the same
 * token.
 *
 * @param token any 64 bits, echoed back (a send time makes a round-trip probe)
 */
public record Ping(long token) implements QuizMessage {

    @Override
    public MessageType type() {
        return MessageType.PING;
    }
}
