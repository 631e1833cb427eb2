package dev.tlsquiz.server.rooms;

import dev.tlsquiz.codec.QuizMessage;
import io.netty.util.concurrent.EventExecutor;
import java.util.List;

/**
 * A connection in a room, as the room sees it: somewhere to send messages. The room calls these from
 * its own event loop; an implementation hands each write to its channel without blocking, so one
 * slow player never stalls the room (the channel's slow-consumer handler drops it on its own).
 */
public interface RoomMember {

    /** The event loop of this connection: writes made on it run at once, not as queued tasks. */
    EventExecutor executor();

    /** The peer's IP address, as text; null when the connection has none. */
    String address();

    /** The id sent in this connection's WELCOME. */
    long sessionId();

    /** Sends one message. */
    void send(QuizMessage message);

    /** Sends messages in order with one flush (a VERDICT and its STANDINGS leave as one TLS write). */
    void send(List<QuizMessage> messages);

    /** Sends the last messages, then closes the connection (after a bounded wait for a peer that does not read). */
    void finish(List<QuizMessage> last);
}
