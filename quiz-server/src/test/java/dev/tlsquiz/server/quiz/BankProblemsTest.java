package dev.tlsquiz.server.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.bank.Choice;
import dev.tlsquiz.bank.IntegerQuestion;
import dev.tlsquiz.bank.Question;
import dev.tlsquiz.bank.QuestionHeader;
import dev.tlsquiz.bank.SeveralChoicesQuestion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Sessions' questions from a bank: orders, passes, and reloads that leave running sessions alone. */
class BankProblemsTest {

    private static final List<Question> TEN = IntStream.rangeClosed(1, 10)
            .mapToObj(i -> (Question) IntegerQuestion.of("q" + i, i)).toList();

    @Test
    void fileOrder_withoutRepeat_asksEachOnceInOrderAndSaysHowMany() {
        ProblemSource source = new BankProblems(TEN, QuestionOrder.FILE, false, OptionalLong.empty()).newSession();
        assertEquals(OptionalInt.of(10), source.available());
        assertEquals(texts(TEN), texts(take(source, 10)));
        assertThrows(IllegalStateException.class, source::next, "a session never asks more than available()");
    }

    @Test
    void shuffle_withASeed_isTheSameForEverySession_andEachQuestionOnce() {
        BankProblems problems = new BankProblems(TEN, QuestionOrder.SHUFFLE, false, OptionalLong.of(3));
        List<String> first = texts(take(problems.newSession(), 10));
        assertEquals(first, texts(take(problems.newSession(), 10)));
        assertEquals(texts(TEN).stream().sorted().toList(), first.stream().sorted().toList());
    }

    @Test
    void repeat_goesRoundAgainWithEveryQuestionOncePerPass() {
        ProblemSource source = new BankProblems(TEN, QuestionOrder.SHUFFLE, true, OptionalLong.of(3)).newSession();
        assertEquals(OptionalInt.empty(), source.available());
        List<Question> asked = take(source, 30);
        for (int pass = 0; pass < 3; pass++) {
            assertEquals(texts(TEN).stream().sorted().toList(),
                    texts(asked.subList(pass * 10, pass * 10 + 10)).stream().sorted().toList());
        }
    }

    @Test
    void replace_reachesNewSessionsOnly() {
        BankProblems problems = new BankProblems(TEN, QuestionOrder.FILE, false, OptionalLong.empty());
        ProblemSource running = problems.newSession();
        running.next();
        problems.replace(List.of(IntegerQuestion.of("new", 1)));
        assertEquals("q2", running.next().text());
        assertEquals(OptionalInt.of(10), running.available());
        ProblemSource later = problems.newSession();
        assertEquals(OptionalInt.of(1), later.available());
        assertEquals("new", later.next().text());
    }

    @Test
    void hasSeveralChoices_saysWhetherVersion1CanBeServed() {
        Question several = new SeveralChoicesQuestion(QuestionHeader.of("pick"),
                List.of(new Choice("a", BigDecimal.ONE, ""), new Choice("b", BigDecimal.ONE, ""),
                        new Choice("c", BigDecimal.ZERO, "")));
        assertFalse(new BankProblems(TEN, QuestionOrder.FILE, false, OptionalLong.empty()).newSession()
                .hasSeveralChoices());
        List<Question> mixed = new ArrayList<>(TEN);
        mixed.add(several);
        assertTrue(new BankProblems(mixed, QuestionOrder.FILE, false, OptionalLong.empty()).newSession()
                .hasSeveralChoices());
        assertThrows(IllegalArgumentException.class,
                () -> new BankProblems(List.of(), QuestionOrder.FILE, false, OptionalLong.empty()));
    }

    private static List<Question> take(ProblemSource source, int count) {
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            questions.add(source.next());
        }
        return questions;
    }

    private static List<String> texts(List<Question> questions) {
        return questions.stream().map(Question::text).toList();
    }
}
