package dev.tlsquiz.server.rooms;

import dev.tlsquiz.codec.QuizMessage;
import java.util.List;

/**
 * A connection in a room, as the room sees it: somewhere to send messages. The room calls these from
 * its own event loop; an implementation hands each write to its channel without blocking, so one
 * slow player never stalls the room (the channel's slow-consumer handler drops it on its own).
 */
public interface RoomMember {

    /** The id sent in this connection's WELCOME. */
    long sessionId();

    /** Sends one message. */
    void send(QuizMessage message);

    /** Sends one message and runs {@code written} once the write is done (or failed), on any thread. */
    void send(QuizMessage message, Runnable written);

    /** Sends the last messages, then closes the connection (after a bounded wait for a peer that does not read). */
    void finish(List<QuizMessage> last);
}
