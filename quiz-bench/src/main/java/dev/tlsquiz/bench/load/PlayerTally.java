package dev.tlsquiz.bench.load;

import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.Standings;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import java.util.HashMap;
import java.util.Map;

/**
 * One bench player's own account of its game, kept to check the server's: what it answered (right
 * or deliberately wrong), and each VERDICT against that. The recomputed score is the sum of the
 * VERDICT points; the server's running score in each VERDICT, the final STANDINGS' own score and
 * the SUMMARY must all equal it, and SUMMARY's counts must equal the player's own.
 *
 * <p>A verdict is checked against the player's own judgement: CORRECT exactly when it answered
 * right, WRONG when it answered wrong, TIMEOUT when it did not answer; 0 points unless CORRECT, and
 * for CORRECT the solo scoring rule's range (README, Scoring): 100, plus a speed bonus of 0..50,
 * plus 10 per consecutive correct answer before it, at most 50.
 *
 * <p>Confined to the player's event loop; read by the bench once the player's connection is over.
 */
final class PlayerTally {

    static final long BASE_POINTS = 100;
    static final long MAX_SPEED_BONUS = 50;
    static final long STREAK_STEP = 10;
    static final long MAX_STREAK_BONUS = 50;

    private final int rounds;
    /** problemId to whether the answer sent was right. */
    private final Map<Long, Boolean> sent = new HashMap<>();
    private long points;
    private int correct;
    private int answered;
    private int streak;
    private int verdicts;
    private int badVerdicts;
    private boolean scoreDiffers;
    private long finalOwnScore = -1;
    private long finalOwnRank = -1;
    private Summary summary;

    /** @param rounds the questions of the game */
    PlayerTally(int rounds) {
        this.rounds = rounds;
    }

    /** The player sent an answer to {@code problemId}, right or deliberately wrong. */
    void answered(long problemId, boolean right) {
        sent.putIfAbsent(problemId, right);
    }

    /** A VERDICT arrived. */
    void verdict(Verdict verdict) {
        verdicts++;
        Boolean right = sent.get(verdict.problemId());
        Outcome expected = right == null ? Outcome.TIMEOUT : right ? Outcome.CORRECT : Outcome.WRONG;
        if (verdict.outcome() != expected || !pointsInRange(verdict)) {
            badVerdicts++;
        }
        if (right != null) {
            answered++;
        }
        if (expected == Outcome.CORRECT) {
            correct++;
            streak++;
        } else {
            streak = 0;
        }
        points += verdict.points();
        if (verdict.score() != points) {
            scoreDiffers = true;
        }
    }

    private boolean pointsInRange(Verdict verdict) {
        if (verdict.outcome() != Outcome.CORRECT) {
            return verdict.points() == 0;
        }
        long streakBonus = Math.min(MAX_STREAK_BONUS, STREAK_STEP * streak);
        long bonus = verdict.points() - BASE_POINTS - streakBonus;
        return bonus >= 0 && bonus <= MAX_SPEED_BONUS;
    }

    /** The final STANDINGS arrived (its top entries list this player under {@code ownName} if at all). */
    void finalStandings(Standings standings, String ownName) {
        finalOwnScore = standings.ownScore();
        finalOwnRank = standings.ownRank();
        for (Standings.Entry entry : standings.entries()) {
            if (entry.name().equals(ownName) && (entry.score() != points || entry.rank() != standings.ownRank())) {
                scoreDiffers = true;
            }
        }
    }

    void summary(Summary summary) {
        this.summary = summary;
    }

    /** The score the player worked out: the sum of its verdicts' points. */
    long recomputedScore() {
        return points;
    }

    /** The rank the final STANDINGS gave, or -1 when none came. */
    long finalOwnRank() {
        return finalOwnRank;
    }

    /**
     * Whether the server's score for this player differs from the recomputation anywhere (a
     * VERDICT's running score, the final STANDINGS, SUMMARY), or the final STANDINGS or SUMMARY
     * never came.
     */
    boolean scoreMismatch() {
        return scoreDiffers || finalOwnScore != points || summary == null || summary.score() != points
                || summary.correct() != correct || summary.answered() != answered;
    }

    /** Verdicts that disagree with the player's own judgement, plus the questions without any verdict. */
    int verdictMismatches() {
        return badVerdicts + Math.max(0, rounds - verdicts);
    }
}
