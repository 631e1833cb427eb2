package dev.tlsquiz.client.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.client.render.SessionSummary;
import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The figures the client adds to a summary, and the summary it makes up when the server sends none. */
class SessionTallyTest {

    private static final long MS = 1_000_000;

    private final SessionTally tally = new SessionTally();
    private long problemId;
    private long score;

    @Test
    void complete_whenStreakBrokenByWrongAndTimeout_thenBestStreakIsTheLongestRun() {
        tally.started(0);
        answer(Outcome.CORRECT, 0, 1_000);
        answer(Outcome.CORRECT, 2_000, 4_000);
        answer(Outcome.WRONG, 5_000, 6_000);
        answer(Outcome.CORRECT, 7_000, 8_000);
        answer(Outcome.CORRECT, 9_000, 10_000);
        answer(Outcome.CORRECT, 11_000, 12_000);
        timeout(13_000);
        answer(Outcome.CORRECT, 40_000, 41_000);

        SessionSummary summary = tally.complete(new Summary(6, 7, 8, 600, 42_000));

        assertEquals(3, summary.bestStreak());
        assertEquals(6, summary.correct());
        assertEquals(8, summary.total());
        assertFalse(summary.partial());
        // The timed-out problem has no answer time: (1 + 2 + 1 + 1 + 1 + 1 + 1) s over 7 answers.
        assertEquals(OptionalLong.of(8_000 / 7), summary.averageAnswerMillis());
        assertEquals(100.0 * 6 / 7, summary.accuracyPercent().getAsDouble(), 1e-9);
    }

    @Test
    void complete_whenNothingAnswered_thenNoAccuracyNorAverage() {
        tally.started(0);
        timeout(0);
        timeout(30_000);

        SessionSummary summary = tally.complete(new Summary(0, 0, 2, 0, 60_000));

        assertEquals(0, summary.bestStreak());
        assertEquals(OptionalLong.empty(), summary.averageAnswerMillis());
        assertEquals(OptionalDouble.empty(), summary.accuracyPercent());
    }

    @Test
    void complete_whenServerCountsFewerCorrect_thenStreakNeverExceedsIt() {
        tally.started(0);
        answer(Outcome.CORRECT, 0, 1_000);
        answer(Outcome.CORRECT, 1_000, 2_000);

        // The server is the judge: a summary saying 1 correct caps a streak of 2.
        assertEquals(1, tally.complete(new Summary(1, 2, 2, 100, 2_000)).bestStreak());
    }

    @Test
    void partial_whenCutOffMidProblem_thenCountsWhatWasJudgedAndTheProblemAsked() {
        tally.started(1_000 * MS);
        answer(Outcome.CORRECT, 1_000, 3_000);
        answer(Outcome.WRONG, 4_000, 5_000);
        tally.problemShown(6_000 * MS);
        tally.answerSent(7_000 * MS);

        SessionSummary summary = tally.partial(9_500 * MS);

        assertTrue(summary.partial());
        assertEquals(1, summary.correct());
        assertEquals(2, summary.answered());
        assertEquals(3, summary.total());
        assertEquals(score, summary.score());
        assertEquals(8_500, summary.durationMillis());
        assertEquals(1, summary.bestStreak());
        // The unjudged answer does not count: (2 s + 1 s) / 2.
        assertEquals(OptionalLong.of(1_500), summary.averageAnswerMillis());
    }

    @Test
    void judged_whenVerdictIsNotForTheOpenProblem_thenItsTimeIsNotCounted() {
        tally.started(0);
        tally.problemShown(0);
        tally.answerSent(5_000 * MS);
        tally.judged(verdict(Outcome.CORRECT), false);

        assertEquals(OptionalLong.empty(), tally.partial(6_000 * MS).averageAnswerMillis());
        assertEquals(1, tally.partial(6_000 * MS).correct());
    }

    private void answer(Outcome outcome, long shownMillis, long sentMillis) {
        tally.problemShown(shownMillis * MS);
        tally.answerSent(sentMillis * MS);
        tally.judged(verdict(outcome), true);
    }

    private void timeout(long shownMillis) {
        tally.problemShown(shownMillis * MS);
        tally.judged(verdict(Outcome.TIMEOUT), true);
    }

    private Verdict verdict(Outcome outcome) {
        long points = outcome == Outcome.CORRECT ? 100 : 0;
        score += points;
        return new Verdict(++problemId, outcome, "42", points, score);
    }
}
