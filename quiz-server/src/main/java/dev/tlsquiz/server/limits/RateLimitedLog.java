package dev.tlsquiz.server.limits;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Writes at most one line per interval for one kind of event, and says how many events it left
 * out since the last line, so that a flood (of refused connections, say) cannot flood the log
 * too. Thread-safe and lock-free: events come from every event loop at once.
 *
 * <pre>{@code
 * RateLimitedLog refused = new RateLimitedLog(line -> LOG.warn("{}", line), Duration.ofSeconds(10), System::nanoTime);
 * refused.event("refused 203.0.113.7: 10000 connections open (--max-connections)");
 * // refused 203.0.113.7: 10000 connections open (--max-connections) (and 1234 more like it since the previous line, not logged)
 * }</pre>
 */
public final class RateLimitedLog {

    /** The interval the server uses: one line per reason per 10 seconds. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    private final Consumer<String> sink;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong nextLineAt;
    private final AtomicLong suppressed = new AtomicLong();

    /**
     * @param sink      where lines go, such as a logger's {@code warn}
     * @param interval  the least time between two lines
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}; tests pass their own)
     */
    public RateLimitedLog(Consumer<String> sink, Duration interval, LongSupplier nanoClock) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.intervalNanos = Objects.requireNonNull(interval, "interval").toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.nextLineAt = new AtomicLong(nanoClock.getAsLong());
    }

    /**
     * Records one event: writes {@code line} if the interval since the last line has passed
     * (with the number of events left out meanwhile), otherwise only counts it.
     *
     * @return whether a line was written
     */
    public boolean event(String line) {
        long now = nanoClock.getAsLong();
        long next = nextLineAt.get();
        // Compare by difference: nanoTime values may be negative or wrap.
        if (now - next >= 0 && nextLineAt.compareAndSet(next, now + intervalNanos)) {
            long left = suppressed.getAndSet(0);
            sink.accept(left == 0 ? line
                    : line + " (and " + left + " more like it since the previous line, not logged)");
            return true;
        }
        suppressed.incrementAndGet();
        return false;
    }

    /** Events counted but not written since the last line. */
    public long suppressed() {
        return suppressed.get();
    }
}
