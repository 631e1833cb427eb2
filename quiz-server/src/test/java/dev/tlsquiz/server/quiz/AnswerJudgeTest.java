package dev.tlsquiz.server.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerJudgeTest {

    private static final Question FORTY_TWO = Question.freeAnswer("17 + 25", "42");
    private static final Question MINUS_25 = Question.freeAnswer("17 - 42", "-25");

    @ParameterizedTest
    @ValueSource(strings = {"42", " 42 ", "+42", "0042", "\t42\n"})
    void isCorrect_acceptsTheNumberWrittenAnyReasonableWay(String answer) {
        assertTrue(AnswerJudge.isCorrect(FORTY_TWO, answer));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "41", "-42", "42.0", "4 2", "forty-two", "42a", "0x2A", "++42",
            "4200000000000000000000000000000000000000"})
    void isCorrect_rejectsAnythingElseWithoutFailing(String answer) {
        assertFalse(AnswerJudge.isCorrect(FORTY_TWO, answer));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-25", " -025 "})
    void isCorrect_acceptsNegativeResults(String answer) {
        assertTrue(AnswerJudge.isCorrect(MINUS_25, answer));
        assertFalse(AnswerJudge.isCorrect(MINUS_25, "25"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Paris", " paris ", "PARIS"})
    void isCorrect_comparesTextAnswersIgnoringCaseAndSpace(String answer) {
        Question capital = new Question("Capital of France?", "Paris", List.of("Paris", "Lyon"));
        assertTrue(AnswerJudge.isCorrect(capital, answer));
        assertFalse(AnswerJudge.isCorrect(capital, "Lyon"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+0", "000", " -000 "})
    void isCorrect_whenTheAnswerIsZero_thenEveryWayOfWritingZeroIsRight(String answer) {
        assertTrue(AnswerJudge.isCorrect(Question.freeAnswer("7 - 7", "0"), answer));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "+", "+-0", "1", "-1", "\u0660", "0\u0660"})
    void isCorrect_whenTheAnswerIsZero_thenNoSignAloneAndNoOtherDigitsAreRight(String answer) {
        assertFalse(AnswerJudge.isCorrect(Question.freeAnswer("7 - 7", "0"), answer));
    }

    /**
     * The judge compares digits rather than parsing; against the obvious definition (a regular
     * expression and BigInteger), it must agree on every answer, including long and odd ones.
     */
    @Test
    void isCorrect_agreesWithBigIntegerOnRandomAnswers() {
        Random random = new Random(2026);
        String alphabet = "0000123456789+- x";
        for (int i = 0; i < 20_000; i++) {
            String expected = randomText(random, "0123456789-", 1 + random.nextInt(4));
            String answer = randomText(random, alphabet, random.nextInt(30));
            Question question = Question.freeAnswer("?", expected);
            assertEquals(byBigInteger(expected, answer), AnswerJudge.isCorrect(question, answer),
                    () -> "expected '" + expected + "', answer '" + answer + "'");
        }
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
        if (integer.matcher(e).matches()) {
            return integer.matcher(a).matches() && new BigInteger(a).equals(new BigInteger(e));
        }
        return a.toLowerCase(Locale.ROOT).equals(e.toLowerCase(Locale.ROOT));
    }
}
