package dev.tlsquiz.client.net;

import dev.tlsquiz.client.play.ClientEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where a connection's handlers deliver events. Until the play loop {@link #release() accepts}
 * the connection (its handshake succeeded), events are held back; once the loop gives up on it
 * (a failed handshake, a refused trust decision, a reconnect) it {@link #detach() detaches}, and
 * whatever the dying connection still reports (its close, its errors) is dropped. So a failed
 * first attempt can never end the session of the second.
 *
 * <p>Called from the event loop and the play loop; the lock is held only to append to a list or
 * a non-blocking queue.
 */
final class EventSink {

    private final Consumer<ClientEvent> target;
    private List<ClientEvent> held = new ArrayList<>();
    private boolean detached;

    EventSink(Consumer<ClientEvent> target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    synchronized void emit(ClientEvent event) {
        if (detached) {
            return;
        }
        if (held != null) {
            held.add(event);
        } else {
            target.accept(event);
        }
    }

    /** Delivers what was held back, in order, and every later event as it comes. */
    synchronized void release() {
        if (detached || held == null) {
            return;
        }
        held.forEach(target);
        held = null;
    }

    /** Drops everything held back and everything to come. */
    synchronized void detach() {
        detached = true;
        held = null;
    }
}
