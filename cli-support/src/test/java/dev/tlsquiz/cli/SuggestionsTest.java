package dev.tlsquiz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> OPTIONS = List.of("--port", "--host", "--pin", "--connect-timeout",
            "--connections", "--tls-groups");

    @Test
    void nearest_whenTwoLettersAreSwapped_thenOneEditAway() {
        assertEquals(1, Suggestions.distance("prot", "port"));
        assertEquals(List.of("--port"), Suggestions.nearest("--prot", OPTIONS));
    }

    @Test
    void nearest_whenAPrefixIsTyped_thenEveryNameItStartsIsOffered() {
        assertEquals(List.of("--connect-timeout", "--connections"), Suggestions.nearest("--conn", OPTIONS));
    }

    @Test
    void nearest_whenALetterIsMissing_thenFound() {
        assertEquals(List.of("--tls-groups"), Suggestions.nearest("--tls-grups", OPTIONS));
    }

    @Test
    void nearest_whenNothingIsClose_thenEmpty() {
        assertEquals(List.of(), Suggestions.nearest("--verbose", OPTIONS));
        assertEquals(List.of(), Suggestions.nearest("x".repeat(Suggestions.MAX_TYPED_CHARS + 1), OPTIONS));
    }
}
