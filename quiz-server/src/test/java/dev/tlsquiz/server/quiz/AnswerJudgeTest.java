package dev.tlsquiz.server.quiz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
}
