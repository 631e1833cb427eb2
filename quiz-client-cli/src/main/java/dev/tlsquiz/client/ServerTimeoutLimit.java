package dev.tlsquiz.client;

import java.time.Duration;

/** The lower bound every command puts on {@code --server-timeout}. */
public final class ServerTimeoutLimit {

    /** Below a second, an ordinary network hiccup would end sessions. */
    public static final Duration MIN = Duration.ofSeconds(1);

    private ServerTimeoutLimit() {
    }

    /** A usage message when {@code serverTimeout} is below {@link #MIN}, else {@code null}. */
    public static String problem(Duration serverTimeout) {
        if (serverTimeout.compareTo(MIN) >= 0) {
            return null;
        }
        return "--server-timeout: " + Failures.millis(serverTimeout.toMillis()) + " is too short (expected: at least "
                + Failures.millis(MIN.toMillis()) + ")";
    }
}
