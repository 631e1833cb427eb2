package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Host;
import dev.tlsquiz.codec.Join;
import dev.tlsquiz.codec.Lobby;
import dev.tlsquiz.codec.Progress;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuestionSource;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.RequestedOrder;
import dev.tlsquiz.codec.Room;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.tls.ClientTls;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A room client for tests, speaking the codec directly: a {@link QuizTestClient} that skips the
 * coalesced updates (LOBBY, PROGRESS) when a test waits for something else, and keeps every message
 * it saw, in order, for assertions on what came before what.
 */
final class RoomTestClient implements AutoCloseable {

    final QuizTestClient client;
    final List<QuizMessage> seen = new ArrayList<>();
    Welcome welcome;
    Room room;

    private RoomTestClient(QuizTestClient client) {
        this.client = client;
    }

    static RoomTestClient connect(EventLoopGroup group, ClientTls tls, InetSocketAddress server)
            throws InterruptedException {
        return new RoomTestClient(QuizTestClient.connect(group, tls, server));
    }

    /** HOST for a new room of the server's questions. */
    static Host host(String name, String token, int rounds, boolean lateJoin) {
        return new Host(Protocol.VERSION, name, "", token, rounds, 0, QuestionSource.SERVER, "", 0, 0, false,
                RequestedOrder.SERVER_DEFAULT, lateJoin, 0);
    }

    /** Opens a room; returns its code. */
    String open(Host host) throws InterruptedException {
        client.send(host);
        welcome = next(Welcome.class);
        room = next(Room.class);
        return room.code();
    }

    /** Joins (or rejoins with a token) and returns the ROOM. */
    Room join(String code, String name, String seatToken) throws InterruptedException {
        client.send(new Join(Protocol.VERSION, code, name, seatToken));
        welcome = next(Welcome.class);
        room = next(Room.class);
        return room;
    }

    /** Sends JOIN and expects ERROR {@code code} and the close. */
    ErrorMessage joinRefused(String code, String name, String seatToken, ErrorCode expected)
            throws InterruptedException {
        client.send(new Join(Protocol.VERSION, code, name, seatToken));
        return expectError(expected);
    }

    ErrorMessage expectError(ErrorCode expected) throws InterruptedException {
        ErrorMessage error = next(ErrorMessage.class);
        assertEquals(expected.code(), error.code(), () -> "expected " + expected + " but got " + error);
        client.assertClosedByServer();
        return error;
    }

    void send(QuizMessage message) {
        client.send(message);
    }

    /** The next message that is not a LOBBY or PROGRESS; it must be a {@code type}. */
    <T extends QuizMessage> T next(Class<T> type) throws InterruptedException {
        while (true) {
            QuizMessage message = client.next();
            seen.add(message);
            if (type.isInstance(message) || !(message instanceof Lobby || message instanceof Progress)) {
                return assertInstanceOf(type, message, () -> "expected " + type.getSimpleName() + ", got " + message);
            }
        }
    }

    /** The next message of {@code type}, whatever comes before it (kept in {@link #seen}). */
    <T extends QuizMessage> T nextOf(Class<T> type) throws InterruptedException {
        while (true) {
            QuizMessage message = client.next();
            seen.add(message);
            if (type.isInstance(message)) {
                return type.cast(message);
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
