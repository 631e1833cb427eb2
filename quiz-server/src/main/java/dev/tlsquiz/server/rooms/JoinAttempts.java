package dev.tlsquiz.server.rooms;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Failed room joins per client address and minute ({@code --join-attempts}): a JOIN that names no
 * open room, or a seat the player cannot prove, counts; past the limit, every JOIN from that
 * address gets {@code RATE_LIMITED} until the minute is over. Scanning codes is futile: 30^6 codes,
 * a few thousand open rooms, a few dozen guesses a minute. Successful joins do not count, so a class
 * behind one NAT address joins freely. Thread-safe: every event loop asks it. The table is bounded:
 * when it grows past {@link #MAX_ADDRESSES}, windows that are over are dropped, and failing that, all.
 */
public final class JoinAttempts {

    static final int MAX_ADDRESSES = 100_000;
    private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int perMinute;
    private final ConcurrentHashMap<InetAddress, Window> windows = new ConcurrentHashMap<>();

    /** @param perMinute failed joins an address may make per minute */
    public JoinAttempts(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute: " + perMinute + " (expected: >= 1)");
        }
        this.perMinute = perMinute;
    }

    /** Whether {@code address} may try to join now (it has not used up its failures this minute). */
    public boolean allowed(InetAddress address, long nowNanos) {
        Window window = windows.get(address);
        return window == null || window.failures(nowNanos) < perMinute;
    }

    /** A join from {@code address} failed. */
    public void failed(InetAddress address, long nowNanos) {
        if (windows.size() >= MAX_ADDRESSES) {
            windows.values().removeIf(window -> window.over(nowNanos));
            if (windows.size() >= MAX_ADDRESSES) {
                windows.clear();
            }
        }
        windows.compute(address, (key, window) -> {
            Window current = window == null || window.over(nowNanos) ? new Window(nowNanos) : window;
            current.count++;
            return current;
        });
    }

    /** One address's failures since the start of its minute. */
    private static final class Window {
        final long startNanos;
        volatile int count;

        Window(long startNanos) {
            this.startNanos = startNanos;
        }

        boolean over(long nowNanos) {
            return nowNanos - startNanos >= WINDOW_NANOS;
        }

        int failures(long nowNanos) {
            return over(nowNanos) ? 0 : count;
        }
    }
}
