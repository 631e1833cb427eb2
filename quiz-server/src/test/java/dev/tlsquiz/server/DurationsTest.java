package dev.tlsquiz.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlsquiz.cli.DurationConverter;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"30000, 30s", "1500, 1500ms", "120000, 2m", "0, 0s"})
    void format_writesWhatTheCommandLineReads(long millis, String text) {
        assertEquals(text, Durations.format(Duration.ofMillis(millis)));
        assertEquals(Duration.ofMillis(millis), DurationConverter.parse(text));
    }
}
