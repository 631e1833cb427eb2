package dev.tlsquiz.server.cli.results;

import java.time.Duration;
import java.time.Instant;

/**
 * The value of {@code --since}: a moment, or an age counted back from when the command runs.
 *
 * @param moment the moment; null when an age is given
 * @param age    the age; null when a moment is given
 */
public record Since(Instant moment, Duration age) {

    /** The moment meant, with {@code now} as the command's present. */
    public Instant resolve(Instant now) {
        return moment != null ? moment : now.minus(age);
    }
}
