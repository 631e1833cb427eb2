package dev.tlsquiz.client.render;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A session's result as the player is shown it: the server's SUMMARY figures (or, when the session
 * was cut off, what the client counted itself) and the figures only the client can tell.
 *
 * @param correct             problems answered correctly
 * @param answered            problems answered at all, right or wrong
 * @param total               problems asked
 * @param score               the score
 * @param durationMillis      session length, milliseconds
 * @param bestStreak          the longest run of correct answers in a row
 * @param averageAnswerMillis the mean time from a problem's arrival to our answer, over the problems
 *                            answered (and judged right or wrong); empty when none was
 * @param partial             whether the server never sent its SUMMARY (it shut down): every figure is
 *                            the client's own count up to that moment
 */
public record SessionSummary(int correct, int answered, int total, long score, long durationMillis,
                             int bestStreak, OptionalLong averageAnswerMillis, boolean partial) {

    public SessionSummary {
        if (correct < 0 || answered < correct || bestStreak < 0 || bestStreak > correct) {
            throw new IllegalArgumentException("correct " + correct + ", answered " + answered + ", best streak "
                    + bestStreak + " (expected: 0 <= best streak <= correct <= answered)");
        }
    }

    /**
     * The share of answered problems that were right, in percent; empty when nothing was answered
     * (an accuracy of 0 % would blame a player who only let problems time out for wrong answers).
     */
    public OptionalDouble accuracyPercent() {
        return answered == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * correct / answered);
    }
}
