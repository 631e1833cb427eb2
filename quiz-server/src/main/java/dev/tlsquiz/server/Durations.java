package dev.tlsquiz.server;

import java.time.Duration;

/**
 * Durations in the words the options use, for messages and log lines of the running server. It lives
 * apart from the command line's converters so that runtime code does not depend on the CLI.
 */
public final class Durations {

    private Durations() {
    }

    /** Formats a duration the way {@code --time-limit} and its peers are written, in the largest exact unit. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}
