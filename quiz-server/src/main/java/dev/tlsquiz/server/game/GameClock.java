package dev.tlsquiz.server.game;

/**
 * The monotonic clock a game's times are read from: the {@code now} a driver passes to
 * {@link PlayerGame}. Injectable so that tests move time by hand; a driver that also schedules timers
 * must use a clock that agrees with its scheduler's.
 */
@FunctionalInterface
public interface GameClock {

    /** Nanoseconds from an arbitrary origin, which only differences give meaning to. */
    long nanoTime();

    /** The system's monotonic clock ({@link System#nanoTime()}), which Netty's event loops schedule by too. */
    static GameClock system() {
        return System::nanoTime;
    }
}
