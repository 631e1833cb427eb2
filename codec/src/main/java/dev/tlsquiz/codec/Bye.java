package dev.tlsquiz.codec;

/**
 * BYE, client to server: the player ends the session early. The server answers with the SUMMARY
 * of what was played and closes. It has no fields.
 */
public record Bye() implements QuizMessage {

    @Override
    public MessageType type() {
        return MessageType.BYE;
    }
}
