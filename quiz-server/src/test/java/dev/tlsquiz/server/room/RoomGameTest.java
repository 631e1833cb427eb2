package dev.tlsquiz.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlsquiz.bank.IntegerQuestion;
import dev.tlsquiz.server.game.GameEvent.ProblemOpened;
import dev.tlsquiz.server.game.Judgement;
import dev.tlsquiz.server.quiz.ScoringRule;
import dev.tlsquiz.server.room.RoomGame.AnswerOutcome;
import dev.tlsquiz.server.room.RoomGame.JoinOutcome;
import dev.tlsquiz.server.room.RoomGame.QuestionClosed;
import dev.tlsquiz.server.room.RoomGame.SeatVerdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A room's rules without any channel: plain inputs, times passed by hand, the records that come out. */
class RoomGameTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final long T0 = 1_000_000_000L;

    private final AtomicInteger tokens = new AtomicInteger();

    /** Round n asks "n + 40", whose answer is n + 40. */
    private RoomGame game(int rounds, boolean lateJoin, int maxPlayers) {
        int[] round = {0};
        return new RoomGame(new RoomSettings(rounds, LIMIT, lateJoin, maxPlayers),
                () -> {
                    round[0]++;
                    return IntegerQuestion.of(round[0] + " + 40", round[0] + 40);
                }, () -> "token-" + tokens.incrementAndGet());
    }

    private static long at(long millis) {
        return T0 + Duration.ofMillis(millis).toNanos();
    }

    private static Seat seated(JoinOutcome outcome) {
        return assertInstanceOf(JoinOutcome.Seated.class, outcome).seat();
    }

    private static Seat join(RoomGame game, String name) {
        return seated(game.join(name, false, "", null, at(0)));
    }

    private static SeatVerdict verdictOf(QuestionClosed closed, Seat seat) {
        return closed.verdicts().stream().filter(v -> v.seat() == seat).findFirst().orElseThrow();
    }

    @Test
    void answers_areJudgedOnArrivalWithTheSoloRule_andRevealedOnlyAtTheClose() {
        RoomGame game = game(2, true, 10);
        Seat ann = join(game, "ann");
        Seat bob = join(game, "bob");
        ProblemOpened first = game.start(at(0)).orElseThrow();
        assertEquals(1, first.problemId());
        assertEquals(LIMIT, first.timeLimit());

        AnswerOutcome.Accepted annAnswer = assertInstanceOf(AnswerOutcome.Accepted.class,
                game.answer(ann, 1, "41", at(2_000)));
        assertEquals(1, annAnswer.answered());
        assertEquals(2, annAnswer.players());
        assertFalse(annAnswer.everyone());
        // Nothing is revealed before the close: standings still empty, ann's score counted but unranked.
        assertEquals(List.of(), game.standings().ranked());

        AnswerOutcome.Accepted bobAnswer = assertInstanceOf(AnswerOutcome.Accepted.class,
                game.answer(bob, 1, "40", at(5_000)));
        assertTrue(bobAnswer.everyone());
        QuestionClosed closed = game.close(at(5_000));
        long annPoints = ScoringRule.pointsForCorrect(Duration.ofSeconds(2), LIMIT, 0);
        assertEquals(Judgement.CORRECT, verdictOf(closed, ann).marking().judgement());
        assertEquals(annPoints, verdictOf(closed, ann).score());
        assertEquals(Judgement.WRONG, verdictOf(closed, bob).marking().judgement());
        assertEquals(0, verdictOf(closed, bob).score());
        assertEquals(1, closed.standings().ranked().get(0).rank());
        assertEquals("ann", closed.standings().ranked().get(0).name());
        assertFalse(closed.standings().last());
    }

    @Test
    void secondAnswer_isNoticed_andTheFirstCounts() {
        RoomGame game = game(1, true, 10);
        Seat ann = join(game, "ann");
        join(game, "bob");
        game.start(at(0));
        assertInstanceOf(AnswerOutcome.Accepted.class, game.answer(ann, 1, "41", at(1_000)));
        assertInstanceOf(AnswerOutcome.Noticed.class, game.answer(ann, 1, "0", at(1_500)));
        QuestionClosed closed = game.close(at(10_000));
        assertEquals(Judgement.CORRECT, verdictOf(closed, ann).marking().judgement());
    }

    @Test
    void silentPlayers_timeOut_atTheClose_andTheLastCloseIsFinal() {
        RoomGame game = game(1, true, 10);
        Seat ann = join(game, "ann");
        game.start(at(0));
        QuestionClosed closed = game.close(at(10_000));
        assertEquals(Judgement.TIMEOUT, verdictOf(closed, ann).marking().judgement());
        assertTrue(closed.standings().last());
        assertEquals(RoomState.FINISHED, game.state());
        assertInstanceOf(JoinOutcome.Refused.class, game.join("late", false, "", null, at(11_000)));
    }

    @Test
    void answers_forTheClosedQuestion_areLate_andForAnUnknownOne_refused() {
        RoomGame game = game(3, true, 10);
        Seat ann = join(game, "ann");
        game.start(at(0));
        game.close(at(10_000));
        assertInstanceOf(AnswerOutcome.Late.class, game.answer(ann, 1, "41", at(10_001)));
        assertInstanceOf(AnswerOutcome.Refused.class, game.answer(ann, 7, "41", at(10_001)));
        game.next(at(12_000));
        assertInstanceOf(AnswerOutcome.Refused.class, game.answer(ann, 3, "43", at(12_001)));
    }

    @Test
    void equalScores_shareARank_orderedByName() {
        RoomGame game = game(1, true, 10);
        Seat cat = join(game, "cat");
        Seat ann = join(game, "ann");
        Seat bob = join(game, "bob");
        game.start(at(0));
        game.answer(cat, 1, "41", at(1_000));
        game.answer(ann, 1, "41", at(1_000));
        game.answer(bob, 1, "41", at(3_000));
        Standings standings = game.close(at(3_000)).standings();
        assertEquals(List.of("ann", "cat", "bob"), standings.ranked().stream().map(Standings.Ranked::name).toList());
        assertEquals(List.of(1, 1, 3), standings.ranked().stream().map(Standings.Ranked::rank).toList());
        assertEquals(3, bob.rank());
    }

    @Test
    void lateJoiner_startsAtZero_getsTheOpenQuestionWithTheTimeLeft() {
        RoomGame game = game(2, true, 10);
        Seat ann = join(game, "ann");
        game.start(at(0));
        game.answer(ann, 1, "41", at(1_000));
        JoinOutcome.Seated late = assertInstanceOf(JoinOutcome.Seated.class,
                game.join("late", false, "", null, at(4_000)));
        ProblemOpened problem = late.problem().orElseThrow();
        assertEquals(Duration.ofSeconds(6), problem.timeLimit());
        assertEquals(0, late.seat().score());
        QuestionClosed closed = game.close(at(10_000));
        assertEquals(Judgement.TIMEOUT, verdictOf(closed, late.seat()).marking().judgement());
        assertEquals(1, late.seat().scorecard().askedCount());
    }

    @Test
    void noLateJoin_refusesNewPlayersOnceStarted_butNotRejoiners() {
        RoomGame game = game(2, false, 10);
        Seat ann = join(game, "ann");
        game.start(at(0));
        JoinOutcome.Refused refused = assertInstanceOf(JoinOutcome.Refused.class,
                game.join("late", false, "", null, at(1_000)));
        assertEquals(JoinRefusal.LATE_JOIN_REFUSED, refused.reason());
        game.leave(ann);
        assertEquals(ann, seated(game.join("ann", false, ann.token(), null, at(2_000))));
    }

    @Test
    void rejoin_withTheToken_keepsTheScore_andGetsTheOpenQuestion_unlessAnswered() {
        RoomGame game = game(3, true, 10);
        Seat ann = join(game, "ann");
        game.start(at(0));
        game.answer(ann, 1, "41", at(0));
        game.close(at(1_000));
        long score = ann.score();
        game.next(at(2_000));
        game.leave(ann);
        assertFalse(ann.connected());
        JoinOutcome.Seated back = assertInstanceOf(JoinOutcome.Seated.class,
                game.join("ann", false, ann.token(), null, at(5_000)));
        assertTrue(back.rejoined());
        assertFalse(back.replaced());
        assertEquals(score, back.seat().score());
        assertEquals(Duration.ofSeconds(7), back.problem().orElseThrow().timeLimit());
        game.answer(ann, 2, "42", at(6_000));
        JoinOutcome.Seated again = assertInstanceOf(JoinOutcome.Seated.class,
                game.join("ann", false, ann.token(), null, at(6_500)));
        assertTrue(again.replaced());
        assertEquals(Optional.empty(), again.problem());
    }

    @Test
    void sameName_withoutTheToken_isNameTaken_evenWhileTheOwnerIsAway() {
        RoomGame game = game(2, true, 10);
        Seat ann = join(game, "ann");
        game.start(at(0));
        game.leave(ann);
        assertEquals(JoinRefusal.NAME_TAKEN, assertInstanceOf(JoinOutcome.Refused.class,
                game.join("ann", false, "", null, at(1_000))).reason());
        assertEquals(JoinRefusal.NAME_TAKEN, assertInstanceOf(JoinOutcome.Refused.class,
                game.join("ann", false, "token-999", null, at(1_000))).reason());
        // A verified name and an unverified one never take each other's seat.
        assertEquals(JoinRefusal.NAME_TAKEN, assertInstanceOf(JoinOutcome.Refused.class,
                game.join("ann", true, "", "ab", at(1_000))).reason());
    }

    @Test
    void verifiedSeat_isTakenBackByTheCertificateName() {
        RoomGame game = game(2, true, 10);
        Seat ann = seated(game.join("ann", true, "", "ab", at(0)));
        game.start(at(0));
        game.leave(ann);
        assertEquals(ann, seated(game.join("ann", true, "", "ab", at(1_000))));
    }

    @Test
    void kicked_cannotRejoin_andIsNotRanked() {
        RoomGame game = game(2, true, 10);
        Seat ann = join(game, "ann");
        join(game, "bob");
        game.start(at(0));
        assertEquals(ann, game.kick("ann").orElseThrow());
        assertEquals(Optional.empty(), game.kick("ann"));
        assertEquals(Optional.empty(), game.kick("nobody"));
        assertEquals(JoinRefusal.KICKED, assertInstanceOf(JoinOutcome.Refused.class,
                game.join("ann", false, ann.token(), null, at(1_000))).reason());
        QuestionClosed closed = game.close(at(10_000));
        assertEquals(List.of("bob"), closed.standings().ranked().stream().map(Standings.Ranked::name).toList());
        assertTrue(closed.verdicts().stream().noneMatch(v -> v.seat() == ann));
    }

    @Test
    void full_room_refuses_andLobbyLeaversFreeTheirSeat() {
        RoomGame game = game(2, true, 2);
        Seat ann = join(game, "ann");
        join(game, "bob");
        assertEquals(JoinRefusal.ROOM_FULL, assertInstanceOf(JoinOutcome.Refused.class,
                game.join("cat", false, "", null, at(0))).reason());
        game.leave(ann);
        join(game, "cat");
        assertEquals(List.of("cat", "bob"), game.newestNames(10));
    }

    @Test
    void pause_takesEffectAtTheClose_andResumeLetsTheNextOpen() {
        RoomGame game = game(3, true, 10);
        join(game, "ann");
        assertTrue(game.pause().isPresent());
        game.start(at(0));
        assertEquals(Optional.empty(), game.pause());
        assertEquals(RoomState.PLAYING, game.state());
        game.close(at(10_000));
        assertEquals(RoomState.PAUSED, game.state());
        assertFalse(game.nextDue());
        assertTrue(game.pause().isPresent());
        assertEquals(Optional.empty(), game.resume());
        assertTrue(game.nextDue());
        assertEquals(2, game.next(at(11_000)).problemId());
        assertTrue(game.resume().isPresent());
    }

    @Test
    void end_closesTheOpenQuestion_withFinalStandings() {
        RoomGame game = game(5, true, 10);
        Seat ann = join(game, "ann");
        game.start(at(0));
        game.answer(ann, 1, "41", at(1_000));
        QuestionClosed closed = game.end(at(2_000)).orElseThrow();
        assertTrue(closed.standings().last());
        assertEquals(RoomState.FINISHED, game.state());
        assertEquals(Judgement.CORRECT, verdictOf(closed, ann).marking().judgement());
        assertEquals(Optional.empty(), game.end(at(3_000)));
    }

    @Test
    void end_inTheLobby_givesFinalStandingsWithoutAQuestion() {
        RoomGame game = game(5, true, 10);
        join(game, "ann");
        assertEquals(Optional.empty(), game.end(at(0)));
        assertTrue(game.standings().last());
        assertEquals(0, game.standings().problemId());
        assertEquals(1, game.standings().ranked().size());
    }

    @Test
    void scores_matchARecomputationFromTheAnswerLog() {
        RoomGame game = game(4, true, 50);
        List<Seat> seats = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            seats.add(join(game, "p" + i));
        }
        game.start(at(0));
        long now = 0;
        for (int round = 1; round <= 4; round++) {
            for (int i = 0; i < seats.size(); i++) {
                if ((i + round) % 5 == 0) {
                    continue;
                }
                String answer = (i + round) % 3 == 0 ? "0" : Integer.toString(round + 40);
                game.answer(seats.get(i), round, answer, at(now + 100L * i));
            }
            game.close(at(now + 10_000));
            if (round < 4) {
                now += 12_000;
                game.next(at(now));
            }
        }
        for (Seat seat : seats) {
            long expected = 0;
            int streak = 0;
            for (Seat.AnswerLog log : seat.answers()) {
                if (log.text() != null && log.text().equals(Integer.toString(log.round() + 40))) {
                    expected += ScoringRule.pointsForCorrect(Duration.ofMillis(log.millis()), LIMIT, streak);
                    streak++;
                } else {
                    streak = 0;
                }
            }
            assertEquals(expected, seat.score(), seat.name());
        }
    }
}
