package dev.tlsquiz.codec;

import java.util.Objects;

/**
 * ROOM_CLOSED, server to client: the room is gone for this connection, which the server then closes.
 *
 * @param reason  why
 * @param message what happened, for display
 */
public record RoomClosed(RoomCloseReason reason, String message) implements QuizMessage {

    public RoomClosed {
        Objects.requireNonNull(reason, "reason");
        Fields.string("message", message);
    }

    @Override
    public MessageType type() {
        return MessageType.ROOM_CLOSED;
    }
}
