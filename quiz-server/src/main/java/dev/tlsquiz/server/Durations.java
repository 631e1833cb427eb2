package dev.tlsquiz.server;

import java.time.Duration;

/** Durations in messages and logs, written the way the command line reads them. */
public final class Durations {

    private Durations() {
    }

    /** {@code duration} in the largest exact unit: {@code 2m}, {@code 30s}, {@code 1500ms}, {@code 0s}. */
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
