package dev.tlsquiz.server.quiz;

import java.time.Duration;

/**
 * The running result of one session: what was asked, answered and scored, and the current streak.
 * Confined to its session's event loop, like the session itself.
 */
public final class Scorecard {

    private final Duration timeLimit;
    private int asked;
    private int answered;
    private int correct;
    private int streak;
    private long score;

    /** @param timeLimit the time allowed per problem, which scales the speed bonus */
    public Scorecard(Duration timeLimit) {
        this.timeLimit = timeLimit;
    }

    /** Notes that one more problem was asked. */
    public void asked() {
        asked++;
    }

    /** Records a correct answer that took {@code elapsed}, and returns the points it earned. */
    public long correct(Duration elapsed) {
        return correct(elapsed, timeLimit);
    }

    /**
     * Records a correct answer that took {@code elapsed} on a problem with its own time limit (a bank's
     * question may have one), which then scales the speed bonus; returns the points it earned.
     */
    public long correct(Duration elapsed, Duration problemTimeLimit) {
        long points = ScoringRule.pointsForCorrect(elapsed, problemTimeLimit, streak);
        answered++;
        correct++;
        streak++;
        score += points;
        return points;
    }

    /** Records a wrong answer: no points, and the streak ends. Returns the points (0). */
    public long wrong() {
        answered++;
        streak = 0;
        return 0;
    }

    /** Records a problem whose time ran out: no points, and the streak ends. Returns 0. */
    public long timedOut() {
        streak = 0;
        return 0;
    }

    /** Problems asked so far. */
    public int askedCount() {
        return asked;
    }

    /** Problems answered, right or wrong. */
    public int answeredCount() {
        return answered;
    }

    /** Problems answered correctly. */
    public int correctCount() {
        return correct;
    }

    /** The total score. */
    public long score() {
        return score;
    }
}
