package dev.tlsquiz.server.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.server.game.GameEvent.AnswerRefused;
import dev.tlsquiz.server.game.GameEvent.Finished;
import dev.tlsquiz.server.game.GameEvent.Judged;
import dev.tlsquiz.server.game.GameEvent.LateAnswerIgnored;
import dev.tlsquiz.server.game.GameEvent.ProblemOpened;
import dev.tlsquiz.server.quiz.Question;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of a game without any channel: plain inputs, a fake clock, the events that come out. */
class SoloGameTest {

    private static final Duration TIME_LIMIT = Duration.ofSeconds(10);

    private final FakeClock clock = new FakeClock();

    /** A game of {@code rounds} problems, each "20 + 22" (42) except round 2, "6 * 7" with choices. */
    private static SoloGame game(int rounds) {
        int[] round = {0};
        return new SoloGame(() -> ++round[0] == 2
                ? new Question("6 * 7", "42", List.of("41", "42", "43"))
                : Question.freeAnswer("20 + 22", "42"), rounds, TIME_LIMIT);
    }

    private long now() {
        return clock.nanoTime();
    }

    private static <T extends GameEvent> T only(Class<T> type, List<GameEvent> events) {
        assertEquals(1, events.size(), () -> "events: " + events);
        return assertInstanceOf(type, events.get(0));
    }

    /** The judgement that comes first, whatever follows it (the next problem, or the end). */
    private static Judged first(List<GameEvent> events) {
        return assertInstanceOf(Judged.class, events.get(0));
    }

    private static Judged judged(List<GameEvent> events) {
        assertEquals(2, events.size(), () -> "events: " + events);
        return assertInstanceOf(Judged.class, events.get(0));
    }

    private static ProblemOpened opened(List<GameEvent> events) {
        return assertInstanceOf(ProblemOpened.class, events.get(events.size() - 1));
    }

    @Test
    void start_opensRoundOneWithItsDeadline() {
        SoloGame game = game(3);
        ProblemOpened first = only(ProblemOpened.class, game.start(now()));
        assertEquals(new ProblemOpened(1, 1, 3, TIME_LIMIT, "20 + 22", List.of(), now() + TIME_LIMIT.toNanos()),
                first);
        assertThrows(IllegalStateException.class, () -> game.start(now()), "a game starts once");
    }

    @Test
    void rounds_eachJudgementOpensTheNextProblem_untilTheLastFinishes() {
        SoloGame game = game(3);
        game.start(now());
        List<GameEvent> afterFirst = game.answer(1, "42", now());
        assertEquals(new ProblemOpened(2, 2, 3, TIME_LIMIT, "6 * 7", List.of("41", "42", "43"),
                now() + TIME_LIMIT.toNanos()), opened(afterFirst));
        List<GameEvent> afterSecond = game.answer(2, "42", now());
        assertEquals(3, opened(afterSecond).round());
        assertFalse(game.isOver());

        clock.advance(Duration.ofSeconds(4));
        List<GameEvent> afterLast = game.answer(3, "1", now());
        assertEquals(Judgement.WRONG, judged(afterLast).judgement());
        Finished finished = assertInstanceOf(Finished.class, afterLast.get(1));
        // 150 + (150 + 10 for a streak of one); the wrong third answer earns nothing.
        assertEquals(new Standing(3, 3, 2, 310, 3, Duration.ofSeconds(4)), finished.result());
        assertTrue(game.isOver());
        assertThrows(IllegalStateException.class, () -> game.answer(3, "42", now()));
    }

    @Test
    void answer_whenRight_thenCorrectWithTheSpeedBonusForTheTimeLeft() {
        SoloGame game = game(2);
        game.start(now());
        clock.advance(Duration.ofMillis(2_500));
        // 100 + 50 * 7.5 / 10
        assertEquals(new Judged(1, Judgement.CORRECT, "42", 137, 137), judged(game.answer(1, " 42 ", now())));
    }

    @Test
    void answer_whenWrong_thenNoPointsAndTheStreakEnds() {
        SoloGame game = game(4);
        game.start(now());
        assertEquals(new Judged(1, Judgement.CORRECT, "42", 150, 150), judged(game.answer(1, "42", now())));
        assertEquals(new Judged(2, Judgement.CORRECT, "42", 160, 310), judged(game.answer(2, "42", now())));
        assertEquals(new Judged(3, Judgement.WRONG, "42", 0, 310), judged(game.answer(3, "41", now())));
        // The streak starts again: no bonus for the answers before the wrong one.
        assertEquals(new Judged(4, Judgement.CORRECT, "42", 150, 460), first(game.answer(4, "42", now())));
    }

    @Test
    void answer_whenTheStreakIsLong_thenItsBonusIsCapped() {
        SoloGame game = game(8);
        game.start(now());
        long points = 0;
        for (long id = 1; id <= 8; id++) {
            points = first(game.answer(id, "42", now())).points();
        }
        assertEquals(200, points, "100 + 50 for speed + at most 50 for the streak");
    }

    @Test
    void deadline_whenTheProblemIsOpen_thenTimeoutEndsTheStreakAndOpensTheNext() {
        SoloGame game = game(3);
        game.start(now());
        game.answer(1, "42", now());
        clock.advance(TIME_LIMIT);
        List<GameEvent> events = game.deadline(2, now());
        assertEquals(new Judged(2, Judgement.TIMEOUT, "42", 0, 150), judged(events));
        assertEquals(3, opened(events).problemId());
        // The timeout ended the streak: no bonus for the answer before it.
        assertEquals(new Judged(3, Judgement.CORRECT, "42", 150, 300), first(game.answer(3, "42", now())));
    }

    @Test
    void deadline_whenTheProblemWasAnswered_thenNothingHappens() {
        SoloGame game = game(2);
        game.start(now());
        game.answer(1, "42", now());
        assertEquals(List.of(), game.deadline(1, now()));
    }

    @Test
    void answer_whenItCrossedTheTimeout_thenItIsIgnored_untilTheNextProblemIsAnswered() {
        SoloGame game = game(3);
        game.start(now());
        clock.advance(TIME_LIMIT);
        game.deadline(1, now());
        assertEquals(new LateAnswerIgnored(1), only(LateAnswerIgnored.class, game.answer(1, "42", now())));
        assertEquals(Judgement.WRONG, judged(game.answer(2, "41", now())).judgement());
        // Problem 1 no longer crossed a verdict: problem 2 was answered since.
        assertEquals(new AnswerRefused(1, 3), only(AnswerRefused.class, game.answer(1, "42", now())));
    }

    @Test
    void answer_whenTheProblemIdIsNotTheOpenOne_thenRefused() {
        SoloGame game = game(2);
        game.start(now());
        assertEquals(new AnswerRefused(99, 1), only(AnswerRefused.class, game.answer(99, "42", now())));
        game.answer(1, "7", now());
        assertEquals(new AnswerRefused(1, 2), only(AnswerRefused.class, game.answer(1, "42", now())),
                "an answered problem is not open any more");
    }

    @Test
    void end_whenThePlayerLeaves_thenFinishedWithWhatWasPlayed() {
        SoloGame game = game(5);
        game.start(now());
        game.answer(1, "42", now());
        clock.advance(Duration.ofSeconds(3));
        assertEquals(new Standing(2, 1, 1, 150, 5, Duration.ofSeconds(3)), game.end(now()).result());
        assertTrue(game.isOver());
        assertEquals(List.of(), game.deadline(2, now()), "the open problem's timer may still fire");
    }

    @Test
    void rounds_whenBelowOne_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> game(0));
    }

    @Test
    void answer_beforeStart_thenRefused() {
        assertThrows(IllegalStateException.class, () -> game(1).answer(1, "42", now()));
    }
}
