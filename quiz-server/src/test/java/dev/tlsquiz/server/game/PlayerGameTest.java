package dev.tlsquiz.server.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.bank.AnswerFormat;
import dev.tlsquiz.bank.Choice;
import dev.tlsquiz.bank.IntegerQuestion;
import dev.tlsquiz.bank.OneChoiceQuestion;
import dev.tlsquiz.bank.QuestionHeader;
import dev.tlsquiz.bank.SourcePosition;
import dev.tlsquiz.server.game.GameEvent.AnswerRefused;
import dev.tlsquiz.server.game.GameEvent.Finished;
import dev.tlsquiz.server.game.GameEvent.Judged;
import dev.tlsquiz.server.game.GameEvent.LateAnswerIgnored;
import dev.tlsquiz.server.game.GameEvent.ProblemOpened;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of a game without any channel: plain inputs, a fake clock, the events that come out. */
class PlayerGameTest {

    private static final Duration TIME_LIMIT = Duration.ofSeconds(10);

    private final FakeClock clock = new FakeClock();

    /** Round 2: "6 * 7" with the choices 41, 42 (b, right) and 43. */
    private static final OneChoiceQuestion CHOICES = new OneChoiceQuestion(QuestionHeader.of("6 * 7"),
            List.of(choice("41", 0), choice("42", 100), choice("43", 0)));

    /** A game of {@code rounds} problems, each "20 + 22" (42) except round 2, {@link #CHOICES}. */
    private static PlayerGame game(int rounds) {
        int[] round = {0};
        return new PlayerGame(() -> ++round[0] == 2 ? CHOICES : IntegerQuestion.of("20 + 22", 42), rounds,
                TIME_LIMIT);
    }

    private static Choice choice(String text, int weight) {
        return new Choice(text, BigDecimal.valueOf(weight), "");
    }

    /** The right answer to problem {@code id} of {@link #game}. */
    private static String right(long id) {
        return id == 2 ? "b" : "42";
    }

    private long now() {
        return clock.nanoTime();
    }

    /** Answers the open problem, expects a judgement, and opens the next problem as a solo driver does. */
    private Judged answerAndGoOn(PlayerGame game, long problemId, String text) {
        Judged judged = assertInstanceOf(Judged.class, game.answer(problemId, text, now()));
        game.next(now());
        return judged;
    }

    @Test
    void start_opensRoundOneWithItsDeadline() {
        PlayerGame game = game(3);
        assertEquals(new ProblemOpened(1, 1, 3, TIME_LIMIT, "20 + 22", AnswerFormat.INTEGER, List.of(), now() + TIME_LIMIT.toNanos()),
                game.start(now()));
        assertThrows(IllegalStateException.class, () -> game.start(now()), "a game starts once");
    }

    @Test
    void rounds_eachNextOpensTheFollowingProblem_untilTheLastRoundFinishes() {
        PlayerGame game = game(3);
        game.start(now());
        assertInstanceOf(Judged.class, game.answer(1, "42", now()));
        assertEquals(new ProblemOpened(2, 2, 3, TIME_LIMIT, "6 * 7", AnswerFormat.ONE_CHOICE, List.of("41", "42", "43"),
                now() + TIME_LIMIT.toNanos()), game.next(now()));
        answerAndGoOn(game, 2, "b");
        assertFalse(game.isOver());

        clock.advance(Duration.ofSeconds(4));
        assertEquals(Judgement.WRONG, assertInstanceOf(Judged.class, game.answer(3, "1", now())).judgement());
        Finished finished = assertInstanceOf(Finished.class, game.next(now()));
        // 150 + (150 + 10 for a streak of one); the wrong third answer earns nothing.
        assertEquals(new Standing(3, 3, 2, 310, 3, Duration.ofSeconds(4)), finished.result());
        assertTrue(game.isOver());
        assertThrows(IllegalStateException.class, () -> game.answer(3, "42", now()));
    }

    @Test
    void next_whileAProblemIsOpen_thenRefused() {
        PlayerGame game = game(3);
        game.start(now());
        assertThrows(IllegalStateException.class, () -> game.next(now()), "one problem open at a time");
    }

    @Test
    void answer_whenRight_thenCorrectWithTheSpeedBonusForTheTimeLeft() {
        PlayerGame game = game(2);
        game.start(now());
        clock.advance(Duration.ofMillis(2_500));
        // 100 + 50 * 7.5 / 10
        assertEquals(new Judged(1, Judgement.CORRECT, "42", "", 137, 137), game.answer(1, " 42 ", now()));
    }

    @Test
    void answer_whenWrong_thenNoPointsAndTheStreakEnds() {
        PlayerGame game = game(4);
        game.start(now());
        assertEquals(new Judged(1, Judgement.CORRECT, "42", "", 150, 150), answerAndGoOn(game, 1, "42"));
        assertEquals(new Judged(2, Judgement.CORRECT, "b) 42", "", 160, 310), answerAndGoOn(game, 2, "b"));
        assertEquals(new Judged(3, Judgement.WRONG, "42", "", 0, 310), answerAndGoOn(game, 3, "41"));
        // The streak starts again: no bonus for the answers before the wrong one.
        assertEquals(new Judged(4, Judgement.CORRECT, "42", "", 150, 460), answerAndGoOn(game, 4, "42"));
    }

    @Test
    void answer_whenTheStreakIsLong_thenItsBonusIsCapped() {
        PlayerGame game = game(8);
        game.start(now());
        long points = 0;
        for (long id = 1; id <= 8; id++) {
            points = answerAndGoOn(game, id, right(id)).points();
        }
        assertEquals(200, points, "100 + 50 for speed + at most 50 for the streak");
    }

    @Test
    void deadline_whenTheProblemIsOpen_thenTimeoutEndsTheStreak() {
        PlayerGame game = game(3);
        game.start(now());
        answerAndGoOn(game, 1, "42");
        clock.advance(TIME_LIMIT);
        assertEquals(Optional.of(new Judged(2, Judgement.TIMEOUT, "b) 42", "", 0, 150)), game.deadline(2, now()));
        assertEquals(3, assertInstanceOf(ProblemOpened.class, game.next(now())).problemId());
        // The timeout ended the streak: no bonus for the answer before it.
        assertEquals(new Judged(3, Judgement.CORRECT, "42", "", 150, 300), game.answer(3, "42", now()));
    }

    @Test
    void deadline_whenTheProblemWasAnswered_thenNothingHappens() {
        PlayerGame game = game(2);
        game.start(now());
        answerAndGoOn(game, 1, "42");
        assertEquals(Optional.empty(), game.deadline(1, now()));
    }

    @Test
    void answer_whenItCrossedTheTimeout_thenItIsIgnored_untilTheNextProblemIsAnswered() {
        PlayerGame game = game(3);
        game.start(now());
        clock.advance(TIME_LIMIT);
        assertTrue(game.deadline(1, now()).isPresent());
        game.next(now());
        assertEquals(new LateAnswerIgnored(1), game.answer(1, "42", now()));
        assertEquals(Judgement.WRONG, answerAndGoOn(game, 2, "41").judgement());
        // Problem 1 no longer crossed a verdict: problem 2 was answered since.
        assertEquals(new AnswerRefused(1, 3), game.answer(1, "42", now()));
    }

    @Test
    void answer_whenTheProblemIdIsNotTheOpenOne_thenRefused() {
        PlayerGame game = game(2);
        game.start(now());
        assertEquals(new AnswerRefused(99, 1), game.answer(99, "42", now()));
        answerAndGoOn(game, 1, "7");
        assertEquals(new AnswerRefused(1, 2), game.answer(1, "42", now()), "an answered problem is not open any more");
    }

    @Test
    void end_whenThePlayerLeaves_thenFinishedWithWhatWasPlayed() {
        PlayerGame game = game(5);
        game.start(now());
        answerAndGoOn(game, 1, "42");
        clock.advance(Duration.ofSeconds(3));
        assertEquals(new Standing(2, 1, 1, 150, 5, Duration.ofSeconds(3)), game.end(now()).result());
        assertTrue(game.isOver());
        assertEquals(Optional.empty(), game.deadline(2, now()), "the open problem's timer may still fire");
    }

    @Test
    void rounds_whenBelowOne_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> game(0));
    }

    @Test
    void answer_beforeStart_thenRefused() {
        assertThrows(IllegalStateException.class, () -> game(1).answer(1, "42", now()));
    }

    /** Its own 5 s, feedback on 41 and a general feedback: what a bank question can carry. */
    private static final OneChoiceQuestion TIMED = new OneChoiceQuestion(
            new QuestionHeader("6 * 7", "", "", "times tables", 5, new SourcePosition(1, 1)),
            List.of(new Choice("41", BigDecimal.ZERO, "one short"), choice("42", 100)));

    @Test
    void open_whenTheQuestionHasItsOwnTimeLimit_thenItReplacesTheGamesForThatProblem() {
        PlayerGame game = new PlayerGame(() -> TIMED, 1, TIME_LIMIT);
        ProblemOpened opened = game.start(now());
        assertEquals(Duration.ofSeconds(5), opened.timeLimit());
        assertEquals(now() + Duration.ofSeconds(5).toNanos(), opened.deadlineNanos());
        clock.advance(Duration.ofMillis(2_500));
        // Half of its own 5 s left: 100 + 25 (with the game's 10 s it would be 100 + 37).
        assertEquals(125, assertInstanceOf(Judged.class, game.answer(1, "b", now())).points());
    }

    @Test
    void answer_thenTheJudgedCarriesTheAnswersFeedbackAndTheGeneralFeedback() {
        PlayerGame game = new PlayerGame(() -> TIMED, 2, TIME_LIMIT);
        game.start(now());
        assertEquals(new Judged(1, Judgement.WRONG, "b) 42", "one short\ntimes tables", 0, 0),
                game.answer(1, "a", now()));
        game.next(now());
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Optional.of(new Judged(2, Judgement.TIMEOUT, "b) 42", "times tables", 0, 0)),
                game.deadline(2, now()));
    }

    @Test
    void answer_whenNotAnAnswerToTheQuestion_thenWrongWithHowToAnswer() {
        PlayerGame game = game(2);
        game.start(now());
        Judged judged = assertInstanceOf(Judged.class, game.answer(1, "forty-two", now()));
        assertEquals(Judgement.WRONG, judged.judgement());
        assertEquals(0, judged.points());
        assertTrue(judged.feedback().contains("whole number"), judged.feedback());
        game.next(now());
        Judged choice = assertInstanceOf(Judged.class, game.answer(2, "z", now()));
        assertEquals(Judgement.WRONG, choice.judgement());
        assertTrue(choice.feedback().contains("not a choice"), choice.feedback());
    }
}
