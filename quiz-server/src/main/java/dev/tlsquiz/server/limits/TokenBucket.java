package dev.tlsquiz.server.limits;

/**
 * A token bucket: {@code ratePerSecond} tokens a second flow into a bucket that holds at most
 * {@code burst}; each event takes one token, and an event that finds the bucket empty is over
 * the rate. It starts full, so a client may send {@code burst} messages at once (a HELLO and a
 * quick answer after a pause, say) and then keep up {@code ratePerSecond} for as long as it likes.
 *
 * <p>Not thread-safe: one bucket per connection, used on its event loop. Time comes in from the
 * caller, in nanoseconds of any monotonic clock.
 */
public final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long lastRefillNanos;

    /**
     * @param ratePerSecond tokens added per second, at least 1
     * @param burst         the most tokens the bucket holds, at least 1
     * @param nowNanos      the current time
     */
    public TokenBucket(int ratePerSecond, int burst, long nowNanos) {
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("ratePerSecond: " + ratePerSecond + " (expected: >= 1)");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst: " + burst + " (expected: >= 1)");
        }
        this.ratePerNano = ratePerSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefillNanos = nowNanos;
    }

    /** Takes one token if there is one; {@code false} means the event is over the rate. */
    public boolean tryTake(long nowNanos) {
        long elapsed = nowNanos - lastRefillNanos;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * ratePerNano);
            lastRefillNanos = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
