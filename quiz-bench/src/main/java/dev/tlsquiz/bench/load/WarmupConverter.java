package dev.tlsquiz.bench.load;

import dev.tlsquiz.cli.DurationConverter;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code --warmup}: a duration like every other, or {@code 0} / {@code 0s} for none. */
public final class WarmupConverter implements ITypeConverter<Duration> {

    private final DurationConverter durations = new DurationConverter();

    @Override
    public Duration convert(String value) {
        String trimmed = value.trim();
        if (trimmed.matches("0+(\\.0*)?(ms|s|m)?")) {
            return Duration.ZERO;
        }
        return durations.convert(trimmed);
    }
}
