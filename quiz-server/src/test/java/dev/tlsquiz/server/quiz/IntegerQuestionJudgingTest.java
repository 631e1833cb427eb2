package dev.tlsquiz.server.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.bank.IntegerQuestion;
import dev.tlsquiz.bank.QuestionHeader;
import java.math.BigInteger;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The arithmetic generator's questions are judged as before they became a bank's
 * ({@link IntegerQuestion}): by value, whatever way the player writes the number.
 */
class IntegerQuestionJudgingTest {

    private static final IntegerQuestion FORTY_TWO = IntegerQuestion.of("17 + 25", 42);
    private static final IntegerQuestion MINUS_25 = IntegerQuestion.of("17 - 42", -25);

    @ParameterizedTest
    @ValueSource(strings = {"42", " 42 ", "+42", "0042", "\t42\n"})
    void isCorrect_acceptsTheNumberWrittenAnyReasonableWay(String answer) {
        assertTrue(isCorrect(FORTY_TWO, answer));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "41", "-42", "42.0", "4 2", "forty-two", "42a", "0x2A", "++42",
            "4200000000000000000000000000000000000000"})
    void isCorrect_rejectsAnythingElseWithoutFailing(String answer) {
        assertFalse(isCorrect(FORTY_TWO, answer));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-25", " -025 "})
    void isCorrect_acceptsNegativeResults(String answer) {
        assertTrue(isCorrect(MINUS_25, answer));
        assertFalse(isCorrect(MINUS_25, "25"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+0", "000", " -000 "})
    void isCorrect_whenTheAnswerIsZero_thenEveryWayOfWritingZeroIsRight(String answer) {
        assertTrue(isCorrect(IntegerQuestion.of("7 - 7", 0), answer));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "+", "+-0", "1", "-1", "\u0660", "0\u0660"})
    void isCorrect_whenTheAnswerIsZero_thenNoSignAloneAndNoOtherDigitsAreRight(String answer) {
        assertFalse(isCorrect(IntegerQuestion.of("7 - 7", 0), answer));
    }

    /**
     * Against the obvious definition (a regular expression and BigInteger), the judge must agree on
     * every answer, including long and odd ones. An arithmetic answer is always an integer.
     */
    @Test
    void isCorrect_agreesWithBigIntegerOnRandomAnswers() {
        Random random = new Random(2026);
        String alphabet = "0000123456789+- x";
        for (int i = 0; i < 20_000; i++) {
            String expected = (random.nextBoolean() ? "-" : "") + randomText(random, "0123456789", 1 + random.nextInt(4));
            String answer = randomText(random, alphabet, random.nextInt(30));
            IntegerQuestion question = new IntegerQuestion(QuestionHeader.of("?"), new BigInteger(expected));
            assertEquals(byBigInteger(expected, answer), isCorrect(question, answer),
                    () -> "expected '" + expected + "', answer '" + answer + "'");
        }
    }

    private static boolean isCorrect(IntegerQuestion question, String answer) {
        return question.judge(answer).correct();
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static boolean byBigInteger(String expected, String answer) {
        Pattern integer = Pattern.compile("[+-]?[0-9]+");
        String e = expected.trim();
        String a = answer.trim();
        return integer.matcher(a).matches() && new BigInteger(a).equals(new BigInteger(e));
    }
}
