package dev.tlsquiz.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.codec.Outcome;
import dev.tlsquiz.codec.Standings;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's recomputation of one room player's score against what the server says. */
class PlayerTallyTest {

    @Test
    void tally_whenServerAgrees_thenNoMismatch() {
        PlayerTally tally = new PlayerTally(3);
        tally.answered(1, true);
        tally.verdict(new Verdict(1, Outcome.CORRECT, "4", 149, 149));
        tally.answered(2, true);
        // Second correct in a row: +10 streak bonus.
        tally.verdict(new Verdict(2, Outcome.CORRECT, "9", 159, 308));
        tally.verdict(new Verdict(3, Outcome.TIMEOUT, "5", 0, 308));
        tally.finalStandings(standings(308, 1, List.of(new Standings.Entry(1, "ada", 308))), "ada");
        tally.summary(new Summary(2, 2, 3, 308, 1000));

        assertFalse(tally.scoreMismatch());
        assertEquals(0, tally.verdictMismatches());
        assertEquals(308, tally.recomputedScore());
    }

    @Test
    void tally_whenWrongAnswerJudgedCorrect_thenVerdictMismatch() {
        PlayerTally tally = new PlayerTally(1);
        tally.answered(1, false);
        tally.verdict(new Verdict(1, Outcome.CORRECT, "4", 120, 120));

        assertEquals(1, tally.verdictMismatches());
    }

    @Test
    void tally_whenPointsOutsideTheScoringRule_thenVerdictMismatch() {
        PlayerTally tally = new PlayerTally(2);
        tally.answered(1, true);
        // First correct answer: no streak bonus, so at most 150.
        tally.verdict(new Verdict(1, Outcome.CORRECT, "4", 151, 151));
        tally.answered(2, false);
        tally.verdict(new Verdict(2, Outcome.WRONG, "4", 5, 156));

        assertEquals(2, tally.verdictMismatches());
    }

    @Test
    void tally_whenAQuestionHasNoVerdict_thenCountedAsMismatch() {
        PlayerTally tally = new PlayerTally(2);
        tally.answered(1, true);
        tally.verdict(new Verdict(1, Outcome.CORRECT, "4", 140, 140));

        assertEquals(1, tally.verdictMismatches());
    }

    @Test
    void tally_whenRunningScoreDiffers_thenScoreMismatch() {
        PlayerTally tally = new PlayerTally(1);
        tally.answered(1, true);
        tally.verdict(new Verdict(1, Outcome.CORRECT, "4", 140, 141));
        tally.finalStandings(standings(140, 1, List.of()), "ada");
        tally.summary(new Summary(1, 1, 1, 140, 1000));

        assertTrue(tally.scoreMismatch());
    }

    @Test
    void tally_whenFinalStandingsOrSummaryDiffer_thenScoreMismatch() {
        assertTrue(played(140, 139, List.of()).scoreMismatch(), "standings' own score");
        assertTrue(played(140, 140, List.of(new Standings.Entry(1, "ada", 141))).scoreMismatch(), "top entry");
        PlayerTally noSummary = new PlayerTally(1);
        noSummary.answered(1, true);
        noSummary.verdict(new Verdict(1, Outcome.CORRECT, "4", 140, 140));
        noSummary.finalStandings(standings(140, 1, List.of()), "ada");
        assertTrue(noSummary.scoreMismatch(), "no SUMMARY");
    }

    @Test
    void tally_whenSummaryCountsDiffer_thenScoreMismatch() {
        PlayerTally tally = new PlayerTally(1);
        tally.answered(1, true);
        tally.verdict(new Verdict(1, Outcome.CORRECT, "4", 140, 140));
        tally.finalStandings(standings(140, 1, List.of()), "ada");
        tally.summary(new Summary(0, 1, 1, 140, 1000));

        assertTrue(tally.scoreMismatch());
    }

    private static PlayerTally played(long points, long ownScore, List<Standings.Entry> entries) {
        PlayerTally tally = new PlayerTally(1);
        tally.answered(1, true);
        tally.verdict(new Verdict(1, Outcome.CORRECT, "4", points, points));
        tally.finalStandings(standings(ownScore, 1, entries), "ada");
        tally.summary(new Summary(1, 1, 1, points, 1000));
        return tally;
    }

    private static Standings standings(long ownScore, long ownRank, List<Standings.Entry> entries) {
        return new Standings(1, 1, 1, true, 1, entries, ownRank, ownScore);
    }
}
