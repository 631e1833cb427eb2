package dev.tlsquiz.server.cli.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class ResultsConvertersTest {

    private final AgeConverter ages = new AgeConverter();
    private final SinceConverter since = new SinceConverter();

    @Test
    void age_whenDaysWeeksOrDurations_thenRead() {
        assertEquals(Duration.ofDays(90), ages.convert("90d"));
        assertEquals(Duration.ofDays(14), ages.convert("2W"));
        assertEquals(Duration.ofHours(12), ages.convert("12h"));
        assertEquals(Duration.ofMinutes(30), ages.convert(" 30m "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0d", "0", "-5d", "90", "d", "9999999d", "90 days", "1y", "x'; DROP TABLE games"})
    void age_whenNoPositiveAge_thenRefusedSayingWhatWorks(String value) {
        TypeConversionException refused = assertThrows(TypeConversionException.class, () -> ages.convert(value));
        assertTrue(refused.getMessage().contains("90d, 2w, 12h or 30m"), refused.getMessage());
    }

    @Test
    void age_whenBareNumber_thenRefusedSuggestingDays() {
        TypeConversionException refused = assertThrows(TypeConversionException.class, () -> ages.convert("90"));

        assertTrue(refused.getMessage().contains("has no unit") && refused.getMessage().contains("write 90d for days"),
                refused.getMessage());
    }

    @Test
    void since_whenDateMomentOrAge_thenResolved() {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), since.convert("2026-11-01").resolve(now));
        assertEquals(Instant.parse("2026-11-01T09:30:00Z"), since.convert("2026-11-01T09:30:00Z").resolve(now));
        assertEquals(Instant.parse("2026-11-21T12:00:00Z"), since.convert("7d").resolve(now));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01", "2026-11-01T25:00:00Z", "yesterday", "", "2026-11-01 10:00"})
    void since_whenUnreadable_thenRefusedListingTheForms(String value) {
        TypeConversionException refused = assertThrows(TypeConversionException.class, () -> since.convert(value));
        assertTrue(refused.getMessage().contains("expected: a date (2026-11-01, UTC)"), refused.getMessage());
    }
}
