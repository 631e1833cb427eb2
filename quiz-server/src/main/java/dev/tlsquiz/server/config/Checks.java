package dev.tlsquiz.server.config;

import dev.tlsquiz.server.Durations;
import java.time.Duration;
import java.util.Objects;

/** The checks the configuration records share; each failure names the option and what it expects. */
final class Checks {

    private Checks() {
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static void requireRange(String option, long value, long min, long max) {
        require(value >= min && value <= max, option + ": " + value + " (expected: " + min + ".." + max + ")");
    }

    static void requirePositive(String option, Duration value) {
        Objects.requireNonNull(value, option);
        require(!value.isNegative() && value.toMillis() > 0,
                option + ": " + Durations.format(value) + " (expected: at least 1ms)");
    }
}
