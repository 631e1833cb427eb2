package dev.tlsquiz.server.cli;

import dev.tlsquiz.server.QuizServer;
import dev.tlsquiz.text.Counts;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the operator's SIGTERM and SIGINT (Ctrl+C) ask of {@code serve}: the first starts a graceful
 * shutdown, which lets sessions finish within the grace period; the second ends the grace period at
 * once (the players still connected get ERROR SERVER_SHUTTING_DOWN), as an operator who pressed Ctrl+C
 * twice means; later ones change nothing.
 *
 * <p>Signals may arrive before the server is up (SIGTERM during start-up) and on threads of their own:
 * the count and the server are atomic, and whichever of {@link #signalled} and {@link #serving} comes
 * second ends the grace period, so a second signal during start-up is not lost.
 */
final class ShutdownRequests {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownRequests.class);

    private final CountDownLatch first = new CountDownLatch(1);
    private final AtomicInteger received = new AtomicInteger();
    private volatile QuizServer server;

    /** Records a signal, such as {@code SIGINT}; called from the signal's own thread. */
    void signalled(String signal) {
        int count = received.incrementAndGet();
        if (count == 1) {
            LOG.info("{} received; shutting down (a second one ends the grace period at once)", signal);
            first.countDown();
        } else if (count == 2) {
            QuizServer running = server;
            LOG.info("second interrupt ({}): closing {} now", signal,
                    Counts.of(running == null ? 0 : running.connectedSessions(), "session"));
            if (running != null) {
                running.endGracePeriod();
            }
        } else {
            LOG.info("{} received; already closing the sessions", signal);
        }
    }

    /** The server is up: a second signal that came during start-up ends its grace period now. */
    void serving(QuizServer started) {
        server = started;
        if (received.get() >= 2) {
            started.endGracePeriod();
        }
    }

    /** Waits for the first signal. */
    void awaitFirst() throws InterruptedException {
        first.await();
    }
}
