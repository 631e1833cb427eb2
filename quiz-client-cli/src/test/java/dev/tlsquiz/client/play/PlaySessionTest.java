package dev.tlsquiz.client.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tlsquiz.codec.AnswerFormat;
import dev.tlsquiz.codec.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaySessionTest {

    private static final Problem ARITHMETIC = new Problem(1, 1, 3, 30_000, "17 + 25", AnswerFormat.INTEGER, List.of());
    private static final Problem CHOICE = new Problem(2, 2, 3, 30_000, "pick one", List.of("red", "blue"));
    private static final Problem SEVERAL =
            new Problem(3, 3, 3, 30_000, "pick some", AnswerFormat.SEVERAL_CHOICES, List.of("x", "y", "z"));
    private static final Problem TEXT = new Problem(4, 3, 3, 30_000, "say it", AnswerFormat.TEXT, List.of());

    @Test
    void invalidReason_whenArithmeticAndNotANumber_thenAsksForAWholeNumber() {
        String wholeNumber = "not a whole number: answer digits with an optional sign, such as -12, or 'quit' to stop";
        assertEquals(wholeNumber, PlaySession.invalidReason(ARITHMETIC, "abc"));
        assertEquals(wholeNumber, PlaySession.invalidReason(ARITHMETIC, "  "));
        assertNull(PlaySession.invalidReason(ARITHMETIC, " 42 "));
        assertNull(PlaySession.invalidReason(ARITHMETIC, "-123456789012345678901234567890"));
    }

    @Test
    void invalidReason_whenOneChoice_thenALetterOrNumberOfAChoiceGoesAndTheChoiceTextDoesNot() {
        assertNull(PlaySession.invalidReason(CHOICE, "b"));
        assertNull(PlaySession.invalidReason(CHOICE, " B "));
        assertNull(PlaySession.invalidReason(CHOICE, "2"));
        assertEquals("'red' is not a choice: answer one letter a-b or a number 1-2, or 'quit' to stop",
                PlaySession.invalidReason(CHOICE, "red"));
        assertEquals("'3' is not a choice: answer one letter a-b or a number 1-2, or 'quit' to stop",
                PlaySession.invalidReason(CHOICE, "3"));
        assertEquals("choose exactly one: answer one letter a-b or a number 1-2, or 'quit' to stop",
                PlaySession.invalidReason(CHOICE, "a,b"));
        assertEquals("no answer: answer one letter a-b or a number 1-2, or 'quit' to stop",
                PlaySession.invalidReason(CHOICE, ""));
    }

    @Test
    void invalidReason_whenSeveralChoices_thenLettersOrNumbersSeparatedByCommas() {
        assertNull(PlaySession.invalidReason(SEVERAL, "a,c"));
        assertNull(PlaySession.invalidReason(SEVERAL, "3, 1"));
        assertEquals("'a' names a choice already given: answer letters a-c or numbers separated by commas, such as"
                + " a,c, or 'quit' to stop", PlaySession.invalidReason(SEVERAL, "a,a"));
    }

    @Test
    void invalidReason_whenAnswerTooLongForOneFrame_thenRefusedWithItsSize() {
        String huge = "x".repeat(AnswerCheck.MAX_ANSWER_BYTES + 1);

        assertEquals("that answer is " + (AnswerCheck.MAX_ANSWER_BYTES + 1) + " bytes; an ANSWER carries at most "
                + AnswerCheck.MAX_ANSWER_BYTES + " (the protocol's frame limit): type a shorter one, or 'quit' to stop",
                PlaySession.invalidReason(TEXT, huge));
        assertNull(PlaySession.invalidReason(TEXT, "x".repeat(AnswerCheck.MAX_ANSWER_BYTES)));
    }

    @Test
    void literal_whenBackslashBeforeACommandWord_thenTheWordItselfElseAsTyped() {
        assertEquals("quit", PlaySession.literal("\\quit"));
        assertEquals("help", PlaySession.literal("\\help"));
        assertEquals("\\n", PlaySession.literal("\\n"));
        assertEquals("quit", PlaySession.literal("quit"));
    }
}
