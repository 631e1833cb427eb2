package dev.tlsquiz.client.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tlsquiz.codec.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaySessionTest {

    private static final Problem ARITHMETIC = new Problem(1, 1, 3, 30_000, "17 + 25");
    private static final Problem CHOICE = new Problem(2, 2, 3, 30_000, "pick one", List.of("red", "blue"));

    @Test
    void invalidReason_whenArithmeticAndNotANumber_thenAsksForAWholeNumber() {
        assertEquals("please type a whole number, or 'quit' to stop", PlaySession.invalidReason(ARITHMETIC, "abc"));
        assertEquals("please type a whole number, or 'quit' to stop", PlaySession.invalidReason(ARITHMETIC, "  "));
        assertNull(PlaySession.invalidReason(ARITHMETIC, " 42 "));
    }

    @Test
    void invalidReason_whenChoices_thenAnyNonEmptyAnswerGoes() {
        assertNull(PlaySession.invalidReason(CHOICE, "red"));
        assertEquals("please type an answer, or 'quit' to stop", PlaySession.invalidReason(CHOICE, ""));
    }
}
