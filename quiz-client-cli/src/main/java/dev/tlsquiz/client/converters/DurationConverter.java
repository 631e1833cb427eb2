package dev.tlsquiz.client.converters;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration the way people write it: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h};
 * a bare number means seconds, and ISO-8601 ({@code PT10S}) is accepted too. Negative and zero
 * durations are rejected because every duration option here is a timeout.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        Duration duration = parse(value.trim().toLowerCase(Locale.ROOT));
        if (duration.isZero() || duration.isNegative()) {
            throw new TypeConversionException("'" + value + "' is not a positive duration");
        }
        return duration;
    }

    private static Duration parse(String value) {
        Matcher matcher = SIMPLE.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
        if (value.startsWith("pt") || value.startsWith("p")) {
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                // Fall through to the one message that shows the accepted forms.
            }
        }
        throw new TypeConversionException("'" + value
                + "' is not a duration (expected: a number with ms, s, m or h, such as 10s or 500ms)");
    }
}
