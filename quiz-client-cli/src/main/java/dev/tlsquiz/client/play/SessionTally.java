package dev.tlsquiz.client.play;

import dev.tlsquiz.client.render.SessionSummary;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import java.util.OptionalLong;

/**
 * What the client counts of a session as it goes: streaks and answer times, which the server's
 * SUMMARY does not carry, and everything a summary needs when the server never sends one (it
 * shut down mid-session). Confined to the play loop's thread; times are {@link System#nanoTime()}.
 */
final class SessionTally {

    private long startedNanos;
    private boolean started;
    private long problemShownNanos;
    private long answerSentNanos;
    private boolean answerSent;

    private int asked;
    private int answered;
    private int correct;
    private long score;
    private int streak;
    private int bestStreak;
    private long answerNanosSum;
    private int timedAnswers;

    /** WELCOME arrived: the session's clock starts. */
    void started(long nowNanos) {
        startedNanos = nowNanos;
        started = true;
    }

    /** A problem arrived and was shown. */
    void problemShown(long nowNanos) {
        asked++;
        problemShownNanos = nowNanos;
        answerSent = false;
    }

    /** We sent an answer to the open problem. */
    void answerSent(long nowNanos) {
        answerSentNanos = nowNanos;
        answerSent = true;
    }

    /**
     * The server judged a problem.
     *
     * @param ours whether it is the open problem (its answer time is ours to count)
     */
    void judged(Verdict verdict, boolean ours) {
        score = verdict.score();
        switch (verdict.outcome()) {
            case CORRECT -> {
                answered++;
                correct++;
                streak++;
                bestStreak = Math.max(bestStreak, streak);
                countAnswerTime(ours);
            }
            case WRONG -> {
                answered++;
                streak = 0;
                countAnswerTime(ours);
            }
            case TIMEOUT -> streak = 0;
        }
        answerSent = false;
    }

    private void countAnswerTime(boolean ours) {
        if (ours && answerSent) {
            answerNanosSum += answerSentNanos - problemShownNanos;
            timedAnswers++;
        }
    }

    /** The summary of a session the server ended with its SUMMARY: its figures, and ours beside them. */
    SessionSummary complete(Summary summary) {
        // The streak cannot exceed what the server counted correct (it is the judge).
        return new SessionSummary(summary.correct(), summary.answered(), summary.total(), summary.score(),
                summary.durationMillis(), Math.min(bestStreak, summary.correct()), averageAnswerMillis(), false);
    }

    /** The summary of what was played until now, for a session the server cut off without a SUMMARY. */
    SessionSummary partial(long nowNanos) {
        long durationMillis = started ? (nowNanos - startedNanos) / 1_000_000 : 0;
        return new SessionSummary(correct, answered, asked, score, durationMillis, bestStreak, averageAnswerMillis(),
                true);
    }

    private OptionalLong averageAnswerMillis() {
        return timedAnswers == 0 ? OptionalLong.empty() : OptionalLong.of(answerNanosSum / timedAnswers / 1_000_000);
    }
}
