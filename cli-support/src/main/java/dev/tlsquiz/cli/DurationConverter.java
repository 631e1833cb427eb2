package dev.tlsquiz.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration the way people write it, for every duration option of both programs: a
 * non-negative number with a unit, {@code ms}, {@code s}, {@code m} or {@code h} ({@code 30s},
 * {@code 1500ms}, {@code 0.3s}, {@code 2m}); a bare number, meaning seconds ({@code 10}); or
 * ISO-8601 ({@code PT10S}). Case does not matter. Fractions are allowed as long as the result is a
 * whole number of milliseconds, the precision every timer here works in.
 *
 * <p>As a converter it refuses zero, since most duration options are timeouts that would expire at
 * once; {@link OrZero} accepts it, for options whose own checks decide (a grace period may be none).
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    /** What {@code --help} says about the accepted forms; options append it to their description. */
    public static final String FORMS = "30s, 1500ms, 0.3s, 2m, 10 (seconds) or PT10S";

    private static final Pattern SIMPLE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m|h)?");
    private static final String EXPECTED = "(expected: a number and a unit, such as 30s, 1500ms, 0.3s or 2m;"
            + " a bare number is seconds; ISO-8601 such as PT10S also works)";

    @Override
    public Duration convert(String value) {
        Duration duration = parse(value);
        if (duration.isZero()) {
            throw new TypeConversionException("'" + value + "' is not a positive duration " + EXPECTED);
        }
        return duration;
    }

    /**
     * Parses {@code value}.
     *
     * @throws TypeConversionException saying what is expected
     */
    public static Duration parse(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = SIMPLE.matcher(text);
        if (matcher.matches()) {
            BigDecimal millisPerUnit = switch (matcher.group(2) == null ? "s" : matcher.group(2)) {
                case "ms" -> BigDecimal.ONE;
                case "s" -> BigDecimal.valueOf(1_000);
                case "m" -> BigDecimal.valueOf(60_000);
                default -> BigDecimal.valueOf(3_600_000);
            };
            return wholeMillis(value, new BigDecimal(matcher.group(1)).multiply(millisPerUnit));
        }
        if (text.startsWith("p")) {
            Duration iso;
            try {
                iso = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' " + EXPECTED);
            }
            if (iso.isNegative()) {
                throw new TypeConversionException("'" + value + "' is negative " + EXPECTED);
            }
            return wholeMillis(value, new BigDecimal(iso.getSeconds()).multiply(BigDecimal.valueOf(1_000))
                    .add(BigDecimal.valueOf(iso.getNano()).movePointLeft(6)));
        }
        throw new TypeConversionException("'" + value + "' " + EXPECTED);
    }

    private static Duration wholeMillis(String value, BigDecimal millis) {
        try {
            return Duration.ofMillis(millis.longValueExact());
        } catch (ArithmeticException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number of milliseconds"
                    + " or is too large " + EXPECTED);
        }
    }

    /** The same forms, zero included. */
    public static final class OrZero implements ITypeConverter<Duration> {

        @Override
        public Duration convert(String value) {
            return parse(value);
        }
    }
}
