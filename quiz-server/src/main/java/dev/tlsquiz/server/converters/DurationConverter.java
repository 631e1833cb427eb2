package dev.tlsquiz.server.converters;

import dev.tlsquiz.server.Durations;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration written the way people write them: a non-negative number followed by a unit,
 * {@code ms}, {@code s}, {@code m} or {@code h}, such as {@code 30s}, {@code 1500ms},
 * {@code 0.3s} or {@code 2m}. Fractions are allowed as long as the result is a whole number of
 * milliseconds. A bare number is refused: a missing unit is usually a mistake.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)");
    private static final String EXPECTED = "(expected: a number and a unit, such as 30s, 1500ms, 0.3s or 2m)";

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /**
     * Parses {@code value}.
     *
     * @throws TypeConversionException saying what is expected
     */
    public static Duration parse(String value) {
        Matcher matcher = DURATION.matcher(value.trim());
        if (!matcher.matches()) {
            throw new TypeConversionException("'" + value + "' " + EXPECTED);
        }
        BigDecimal millisPerUnit = switch (matcher.group(2)) {
            case "ms" -> BigDecimal.ONE;
            case "s" -> BigDecimal.valueOf(1_000);
            case "m" -> BigDecimal.valueOf(60_000);
            default -> BigDecimal.valueOf(3_600_000);
        };
        BigDecimal millis = new BigDecimal(matcher.group(1)).multiply(millisPerUnit);
        try {
            return Duration.ofMillis(millis.longValueExact());
        } catch (ArithmeticException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number of milliseconds"
                    + " or is too large " + EXPECTED);
        }
    }

    /** Formats a duration the way {@link #parse} reads it, in the largest exact unit. */
    public static String format(Duration duration) {
        return Durations.format(duration);
    }
}
