package dev.tlsquiz.server.quiz;

import java.time.Duration;

/**
 * How many points an answer earns. Deterministic: the same elapsed time and streak always give the
 * same points.
 *
 * <ul>
 *   <li>A correct answer earns {@value #BASE_POINTS} points,</li>
 *   <li>plus a speed bonus of up to {@value #MAX_SPEED_BONUS} points: {@value #MAX_SPEED_BONUS}
 *       times the fraction of the time limit left when the answer arrived, rounded down
 *       (an instant answer earns 50, one at half the limit 25, one at the limit 0),</li>
 *   <li>plus a streak bonus of {@value #STREAK_STEP} points per consecutive correct answer before
 *       this one, at most {@value #MAX_STREAK_BONUS} (the 2nd correct answer in a row earns +10,
 *       the 3rd +20, the 6th and later +50).</li>
 *   <li>A wrong answer and a timeout earn 0 points and end the streak.</li>
 * </ul>
 * So one round is worth between 100 and 200 points when answered correctly.
 */
public final class ScoringRule {

    /** Points for any correct answer. */
    public static final long BASE_POINTS = 100;
    /** The speed bonus for an instant answer. */
    public static final long MAX_SPEED_BONUS = 50;
    /** The streak bonus per earlier consecutive correct answer. */
    public static final long STREAK_STEP = 10;
    /** The largest streak bonus. */
    public static final long MAX_STREAK_BONUS = 50;

    private ScoringRule() {
    }

    /**
     * The points for a correct answer.
     *
     * @param elapsed       the time from sending the problem to receiving the answer
     * @param timeLimit     the time allowed for the problem; positive
     * @param correctBefore the number of consecutive correct answers just before this one
     */
    public static long pointsForCorrect(Duration elapsed, Duration timeLimit, int correctBefore) {
        if (timeLimit.isZero() || timeLimit.isNegative()) {
            throw new IllegalArgumentException("timeLimit: " + timeLimit + " (expected: > 0)");
        }
        return BASE_POINTS + speedBonus(elapsed, timeLimit) + streakBonus(correctBefore);
    }

    /** The speed bonus: {@value #MAX_SPEED_BONUS} times the fraction of the time limit left. */
    static long speedBonus(Duration elapsed, Duration timeLimit) {
        long limitNanos = timeLimit.toNanos();
        long leftNanos = Math.max(0, limitNanos - Math.max(0, elapsed.toNanos()));
        // Integer arithmetic keeps the result exact; 50 * limit never overflows for u32 millis.
        return MAX_SPEED_BONUS * leftNanos / limitNanos;
    }

    /** The streak bonus after {@code correctBefore} consecutive correct answers. */
    static long streakBonus(int correctBefore) {
        return Math.min(MAX_STREAK_BONUS, STREAK_STEP * Math.max(0, correctBefore));
    }
}
