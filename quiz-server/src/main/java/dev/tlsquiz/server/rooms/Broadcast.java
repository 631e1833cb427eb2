package dev.tlsquiz.server.rooms;

import dev.tlsquiz.codec.QuizMessage;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Messages for many members of a room, handed over with one task per event loop rather than one per
 * member. A write from another thread is a task queued on the channel's loop (with its promise);
 * a room of 10,000 players would queue 10,000 of them for each question. Grouped, each of the
 * server's few loops gets one task, in which every write to its own channels runs at once.
 *
 * <p>Built and sent on the room's loop; the room's state is read only while building, so the
 * messages are immutable by the time other loops write them.
 */
final class Broadcast {

    private final Map<EventExecutor, List<Delivery>> byLoop = new IdentityHashMap<>();

    private record Delivery(RoomMember member, List<QuizMessage> messages) {
    }

    /** Adds {@code messages} for {@code member}, to leave in order with one flush. */
    Broadcast add(RoomMember member, List<QuizMessage> messages) {
        byLoop.computeIfAbsent(member.executor(), loop -> new ArrayList<>()).add(new Delivery(member, messages));
        return this;
    }

    /** Adds {@code message} for {@code member}. */
    Broadcast add(RoomMember member, QuizMessage message) {
        return add(member, List.of(message));
    }

    /** Sends everything added. */
    void send() {
        send(() -> { });
    }

    /**
     * Sends everything added, and runs {@code flushed} (on whichever loop is last) once every loop has
     * written and flushed its share: the messages are then with the TLS layer and the sockets.
     */
    void send(Runnable flushed) {
        if (byLoop.isEmpty()) {
            flushed.run();
            return;
        }
        AtomicInteger loopsLeft = new AtomicInteger(byLoop.size());
        byLoop.forEach((loop, deliveries) -> loop.execute(() -> {
            for (Delivery delivery : deliveries) {
                delivery.member().send(delivery.messages());
            }
            if (loopsLeft.decrementAndGet() == 0) {
                flushed.run();
            }
        }));
    }
}
