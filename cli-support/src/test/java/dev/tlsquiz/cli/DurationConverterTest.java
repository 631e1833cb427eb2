package dev.tlsquiz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** The one duration syntax of both programs: the server's forms and the client's, together. */
class DurationConverterTest {

    @ParameterizedTest
    @CsvSource({"30s, 30000", "1500ms, 1500", "0.3s, 300", "2m, 120000", "1h, 3600000", "0s, 0", "1.5m, 90000",
            "500ms, 500", "10s, 10000"})
    void parse_readsNumberAndUnit(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), DurationConverter.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"7, 7000", "30, 30000", "0.5, 500", "'3 s', 3000", "10S, 10000", "PT3S, 3000", "pt10s, 10000",
            "PT0.25S, 250", "PT2M, 120000"})
    void parse_readsBareSecondsAndIso(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), DurationConverter.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"s", "-1s", "1.5ms", "0.0001s", "1d", "", "1e3ms", "99999999999999999999h", "soon",
            "-5s", "PT-3S", "PTX", "PT0.0001S"})
    void parse_rejectsAnythingElseSayingWhatIsExpected(String text) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> DurationConverter.parse(text));
        assertTrue(e.getMessage().contains("such as 30s, 1500ms, 0.3s or 2m"), e.getMessage());
    }

    @Test
    void convert_whenUnitGiven_thenUsesIt() {
        DurationConverter converter = new DurationConverter();
        assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
        assertEquals(Duration.ofSeconds(10), converter.convert("10s"));
        assertEquals(Duration.ofMinutes(2), converter.convert("2m"));
        assertEquals(Duration.ofHours(1), converter.convert("1h"));
    }

    @Test
    void convert_whenZeroOrGarbage_thenFailsUnlessZeroIsAllowed() {
        assertEquals(Duration.ZERO, new DurationConverter.OrZero().convert("0s"));
        DurationConverter positive = new DurationConverter();
        assertThrows(TypeConversionException.class, () -> positive.convert("0s"));
        assertThrows(TypeConversionException.class, () -> positive.convert("PT0S"));
        assertThrows(TypeConversionException.class, () -> positive.convert("soon"));
        assertThrows(TypeConversionException.class, () -> positive.convert("-5s"));
    }
}
