package dev.tlsquiz.server.converters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    @ParameterizedTest
    @CsvSource({"30s, 30000", "1500ms, 1500", "0.3s, 300", "2m, 120000", "1h, 3600000", "0s, 0", "1.5m, 90000"})
    void parse_readsNumberAndUnit(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), DurationConverter.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "s", "-1s", "1.5ms", "0.0001s", "3 s", "1d", "", "1e3ms", "99999999999999999999h"})
    void parse_rejectsAnythingElseSayingWhatIsExpected(String text) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> DurationConverter.parse(text));
        assertTrue(e.getMessage().contains("such as 30s, 1500ms, 0.3s or 2m"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"30000, 30s", "1500, 1500ms", "120000, 2m", "0, 0s"})
    void format_writesWhatParseReads(long millis, String text) {
        assertEquals(text, DurationConverter.format(Duration.ofMillis(millis)));
        assertEquals(Duration.ofMillis(millis), DurationConverter.parse(text));
    }
}
