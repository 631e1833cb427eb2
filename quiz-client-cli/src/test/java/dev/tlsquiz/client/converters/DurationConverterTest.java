package dev.tlsquiz.client.converters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void convert_whenUnitGiven_thenUsesIt() {
        assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
        assertEquals(Duration.ofSeconds(10), converter.convert("10s"));
        assertEquals(Duration.ofMinutes(2), converter.convert("2m"));
        assertEquals(Duration.ofHours(1), converter.convert("1h"));
    }

    @Test
    void convert_whenBareNumberOrIso_thenSecondsOrIso() {
        assertEquals(Duration.ofSeconds(7), converter.convert("7"));
        assertEquals(Duration.ofSeconds(3), converter.convert("PT3S"));
    }

    @Test
    void convert_whenZeroOrGarbage_thenFails() {
        assertThrows(TypeConversionException.class, () -> converter.convert("0s"));
        assertThrows(TypeConversionException.class, () -> converter.convert("soon"));
        assertThrows(TypeConversionException.class, () -> converter.convert("-5s"));
    }
}
