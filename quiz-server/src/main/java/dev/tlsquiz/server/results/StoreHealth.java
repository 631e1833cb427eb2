package dev.tlsquiz.server.results;

import dev.tlsquiz.server.Durations;
import dev.tlsquiz.server.limits.RateLimitedLog;
import dev.tlsquiz.text.Counts;
import dev.tlsquiz.text.LogText;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The results store's health as the log tells it: the store going down (and, while it stays down,
 * a reminder with the backlog), coming back, and the queue filling and draining. Every kind of line
 * goes through its own {@link RateLimitedLog}, so a store that flaps, or a failure on every retry,
 * writes at most a line per kind per 10 s. Called from the writer thread, and from event loops for
 * the queue filling: thread-safe.
 */
final class StoreHealth {

    private static final Logger LOG = LoggerFactory.getLogger(StoreHealth.class);

    private final LongSupplier nanoClock;
    private final RateLimitedLog down;
    private final RateLimitedLog up;
    private final RateLimitedLog full;
    private final RateLimitedLog accepting;
    /** When the current outage began, on {@code nanoClock}; only the writer thread touches it. */
    private long downSinceNanos;
    private boolean isDown;

    StoreHealth(LongSupplier nanoClock) {
        this(nanoClock, line -> LOG.warn("{}", line), line -> LOG.info("{}", line));
    }

    StoreHealth(LongSupplier nanoClock, Consumer<String> warn, Consumer<String> info) {
        this.nanoClock = nanoClock;
        this.down = new RateLimitedLog(warn, RateLimitedLog.DEFAULT_INTERVAL, nanoClock);
        this.up = new RateLimitedLog(info, RateLimitedLog.DEFAULT_INTERVAL, nanoClock);
        this.full = new RateLimitedLog(warn, RateLimitedLog.DEFAULT_INTERVAL, nanoClock);
        this.accepting = new RateLimitedLog(info, RateLimitedLog.DEFAULT_INTERVAL, nanoClock);
    }

    /** A write failed; the writer pauses for {@code retryIn}, then tries again. */
    void failed(GameStoreException failure, int waiting, Duration retryIn) {
        if (!isDown) {
            isDown = true;
            downSinceNanos = nanoClock.getAsLong();
        }
        // The database's words may quote what a player chose (a name in a refused row): escaped.
        down.event("results store unavailable: " + LogText.value(String.valueOf(failure.getMessage()))
                + "; " + Counts.of(waiting, "finished game") + " waiting, retrying in " + Durations.format(retryIn)
                + " (players see their summaries once their games are kept)");
    }

    /** A game was kept; {@code waiting} still wait. */
    void kept(int waiting) {
        if (isDown) {
            isDown = false;
            up.event("results store available again after " + Durations.format(
                    Duration.ofNanos(nanoClock.getAsLong() - downSinceNanos)) + "; keeping the "
                    + Counts.of(waiting, "game") + " still waiting");
        }
    }

    /** The queue reached its capacity: new games are refused. */
    void queueFull(int waiting, int capacity) {
        full.event("results queue full (" + Counts.of(waiting, "finished game") + " waiting, --results-queue "
                + capacity + "): new games are refused with SERVER_BUSY until the store catches up");
    }

    /** The queue fell below its capacity again: new games are welcome. */
    void queueAccepting(int waiting) {
        accepting.event("results queue below its capacity again (" + Counts.of(waiting, "game")
                + " waiting): new games are welcome");
    }
}
