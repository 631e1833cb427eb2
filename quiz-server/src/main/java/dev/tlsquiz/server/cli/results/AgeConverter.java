package dev.tlsquiz.server.cli.results;

import dev.tlsquiz.cli.DurationConverter;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an age, as results are kept for days: a positive whole number of days ({@code 90d}) or weeks
 * ({@code 2w}), or any positive duration {@link DurationConverter} reads with its unit ({@code 12h},
 * {@code 30m}). A bare number is refused: elsewhere it means seconds, and {@code prune --older-than 90}
 * meant as days would delete nearly everything.
 */
public final class AgeConverter implements ITypeConverter<Duration> {

    /** What {@code --help} says about the accepted forms. */
    public static final String FORMS = "90d, 2w, 12h or 30m";

    private static final Pattern DAYS_OR_WEEKS = Pattern.compile("([0-9]{1,6})\\s*(d|w)");

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.matches("[0-9.]+")) {
            throw new TypeConversionException("'" + value + "' has no unit (expected: an age such as " + FORMS
                    + "; write " + text + "d for days)");
        }
        Matcher matcher = DAYS_OR_WEEKS.matcher(text);
        Duration age;
        if (matcher.matches()) {
            long count = Long.parseLong(matcher.group(1));
            age = matcher.group(2).equals("d") ? Duration.ofDays(count) : Duration.ofDays(7 * count);
        } else {
            try {
                age = DurationConverter.parse(value);
            } catch (TypeConversionException e) {
                throw new TypeConversionException("'" + value + "' (expected: an age such as " + FORMS + ")");
            }
        }
        if (age.isZero()) {
            throw new TypeConversionException("'" + value + "' is no age (expected: more than zero, such as " + FORMS + ")");
        }
        return age;
    }
}
