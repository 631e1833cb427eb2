package dev.tlsquiz.server.cli.results;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --since}: a date ({@code 2026-11-01}, midnight UTC), a moment ({@code 2026-11-01T09:30:00Z})
 * or an age ({@code 7d}, {@code 12h}; see {@link AgeConverter}).
 */
public final class SinceConverter implements ITypeConverter<Since> {

    /** What {@code --help} says about the accepted forms. */
    public static final String FORMS = "a date (2026-11-01, UTC), a moment (2026-11-01T09:30:00Z) or an age (7d, 12h)";

    @Override
    public Since convert(String value) {
        String text = value.strip();
        if (text.length() >= 10 && Character.isDigit(text.charAt(0)) && text.charAt(4) == '-') {
            try {
                return new Since(text.length() == 10
                        ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text), null);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' (expected: " + FORMS + ")");
            }
        }
        try {
            return new Since(null, new AgeConverter().convert(text));
        } catch (TypeConversionException e) {
            throw new TypeConversionException("'" + value + "' (expected: " + FORMS + ")");
        }
    }
}
