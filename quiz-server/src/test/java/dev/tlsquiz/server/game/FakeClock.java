package dev.tlsquiz.server.game;

import java.time.Duration;

/** A clock that moves only when a test says so. */
final class FakeClock implements GameClock {

    private long nanos = 1_000_000_000L;

    @Override
    public long nanoTime() {
        return nanos;
    }

    /** Moves the clock on by {@code duration} and returns the new time. */
    long advance(Duration duration) {
        nanos += duration.toNanos();
        return nanos;
    }
}
