package dev.tlsquiz.server.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScoringRuleTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void pointsForCorrect_anInstantFirstAnswerEarnsBaseAndFullSpeedBonus() {
        assertEquals(150, ScoringRule.pointsForCorrect(Duration.ZERO, LIMIT, 0));
    }

    @Test
    void pointsForCorrect_speedBonusScalesWithTheTimeLeftRoundedDown() {
        assertEquals(125, ScoringRule.pointsForCorrect(Duration.ofSeconds(15), LIMIT, 0));
        assertEquals(100, ScoringRule.pointsForCorrect(LIMIT, LIMIT, 0));
        assertEquals(100, ScoringRule.pointsForCorrect(Duration.ofSeconds(31), LIMIT, 0));
        // 50 * 20/30 = 33.3 -> 33
        assertEquals(133, ScoringRule.pointsForCorrect(Duration.ofSeconds(10), LIMIT, 0));
    }

    @Test
    void pointsForCorrect_streakBonusGrowsByTenAndStopsAtFifty() {
        assertEquals(100, ScoringRule.pointsForCorrect(LIMIT, LIMIT, 0));
        assertEquals(110, ScoringRule.pointsForCorrect(LIMIT, LIMIT, 1));
        assertEquals(140, ScoringRule.pointsForCorrect(LIMIT, LIMIT, 4));
        assertEquals(150, ScoringRule.pointsForCorrect(LIMIT, LIMIT, 5));
        assertEquals(150, ScoringRule.pointsForCorrect(LIMIT, LIMIT, 500));
        assertEquals(200, ScoringRule.pointsForCorrect(Duration.ZERO, LIMIT, 9));
    }

    @Test
    void pointsForCorrect_rejectsANonPositiveLimit() {
        assertThrows(IllegalArgumentException.class, () -> ScoringRule.pointsForCorrect(Duration.ZERO, Duration.ZERO, 0));
    }

    @Test
    void scorecard_wrongAnswersAndTimeoutsEarnNothingAndEndTheStreak() {
        Scorecard card = new Scorecard(LIMIT);
        card.asked();
        assertEquals(150, card.correct(Duration.ZERO));
        card.asked();
        assertEquals(160, card.correct(Duration.ZERO));
        card.asked();
        assertEquals(0, card.wrong());
        card.asked();
        assertEquals(150, card.correct(Duration.ZERO));
        card.asked();
        assertEquals(0, card.timedOut());
        card.asked();
        assertEquals(100, card.correct(LIMIT));
        assertEquals(6, card.askedCount());
        assertEquals(5, card.answeredCount());
        assertEquals(4, card.correctCount());
        assertEquals(560, card.score());
    }
}
