package dev.tlsquiz.client.net;

import dev.tlsquiz.client.play.ClientEvent;
import dev.tlsquiz.client.play.EventQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a connection's handlers deliver events. Until the play loop {@link #release() accepts}
 * the connection (its handshake succeeded), events are held back; once the loop gives up on it
 * (a failed handshake, a refused trust decision, a reconnect) it {@link #detach() detaches}, and
 * whatever the dying connection still reports (its close, its errors) is dropped. So a failed
 * first attempt can never end the session of the second.
 *
 * <p>Held or queued, events are bounded by the queue's capacity: {@link #emit} answers {@code false}
 * when the connection should stop reading, and calls the {@code resume} it was given once there is
 * room again.
 *
 * <p>Called from the event loop and the play loop; the lock is held only to append to a list or
 * to the queue, neither of which waits.
 */
final class EventSink {

    private static final Runnable NOTHING = () -> { };

    private final EventQueue queue;
    private List<ClientEvent> held = new ArrayList<>();
    private Runnable heldResume;
    private boolean detached;

    EventSink(EventQueue queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    /** Delivers an event whose producer does not read more because of it (a close, an error). */
    void emit(ClientEvent event) {
        emit(event, NOTHING);
    }

    /**
     * Delivers (or holds back) an event; never waits.
     *
     * @param resume what turns reading back on, run from the play loop's thread when this answers
     *               {@code false} and there is room again
     * @return whether the caller may go on reading; {@code false}: stop reading until {@code resume}
     */
    synchronized boolean emit(ClientEvent event, Runnable resume) {
        if (detached) {
            return true;
        }
        if (held == null) {
            return queue.offer(event, resume);
        }
        held.add(event);
        if (held.size() < queue.capacity()) {
            return true;
        }
        heldResume = resume;
        return false;
    }

    /** Delivers what was held back, in order, and every later event as it comes. */
    synchronized void release() {
        if (detached || held == null) {
            return;
        }
        List<ClientEvent> events = held;
        Runnable resume = heldResume;
        held = null;
        heldResume = null;
        boolean room = true;
        for (ClientEvent event : events) {
            room = queue.offer(event, resume != null ? resume : NOTHING);
        }
        if (resume != null && room) {
            // Reading stopped while events were held back, and the queue took them all with room to spare.
            resume.run();
        }
    }

    /** Drops everything held back and everything to come. */
    synchronized void detach() {
        detached = true;
        held = null;
        heldResume = null;
    }
}
