package dev.tlsquiz.server.game;

import dev.tlsquiz.server.game.GameEvent.AnswerRefused;
import dev.tlsquiz.server.game.GameEvent.Finished;
import dev.tlsquiz.server.game.GameEvent.Judged;
import dev.tlsquiz.server.game.GameEvent.LateAnswerIgnored;
import dev.tlsquiz.server.game.GameEvent.ProblemOpened;
import dev.tlsquiz.server.quiz.AnswerJudge;
import dev.tlsquiz.server.quiz.ProblemSource;
import dev.tlsquiz.server.quiz.Question;
import dev.tlsquiz.server.quiz.Scorecard;
import java.time.Duration;
import java.util.List;

/**
 * The rules of one player's game, apart from any transport: rounds of problems, one open at a time,
 * each judged on its answer or when its time runs out, scored with the speed and streak bonus
 * ({@link dev.tlsquiz.server.quiz.ScoringRule}). Inputs are plain values with the time they happen
 * ({@code nowNanos}, from the driver's {@link GameClock}); outputs are {@link GameEvent}s, in order.
 * The game starts no timers: its driver calls {@link #deadline} when a problem's deadline comes.
 *
 * <pre>
 * NOT_STARTED --start--> PLAYING --last judgement / end--> FINISHED
 * </pre>
 *
 * <p>Not thread-safe: a driver calls it from one thread (a session's or a room's event loop).
 */
public final class SoloGame {

    private static final long NO_PROBLEM = -1;

    private enum State { NOT_STARTED, PLAYING, FINISHED }

    private final ProblemSource problems;
    private final int rounds;
    private final Duration timeLimit;
    private final Scorecard scorecard;

    private State state = State.NOT_STARTED;
    private long startedAtNanos;
    private Question openQuestion;
    private long openProblemId = NO_PROBLEM;
    private long openedAtNanos;
    private long lastTimedOutProblemId = NO_PROBLEM;
    private long nextProblemId = 1;

    /**
     * @param problems  the questions, one per round
     * @param rounds    how many problems the game asks, at least 1
     * @param timeLimit the time allowed per problem, which also scales the speed bonus
     */
    public SoloGame(ProblemSource problems, int rounds, Duration timeLimit) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds: " + rounds + " (expected: >= 1)");
        }
        this.problems = problems;
        this.rounds = rounds;
        this.timeLimit = timeLimit;
        this.scorecard = new Scorecard(timeLimit);
    }

    /** Starts the game: opens the first problem. */
    public List<GameEvent> start(long nowNanos) {
        require(State.NOT_STARTED, "start");
        state = State.PLAYING;
        startedAtNanos = nowNanos;
        return List.of(open(nowNanos));
    }

    /**
     * An answer for problem {@code problemId}. The open problem is judged; an answer for the problem
     * that just timed out is ignored; any other problem id is refused.
     */
    public List<GameEvent> answer(long problemId, String text, long nowNanos) {
        require(State.PLAYING, "answer");
        if (problemId != openProblemId) {
            if (problemId == lastTimedOutProblemId) {
                return List.of(new LateAnswerIgnored(problemId));
            }
            return List.of(new AnswerRefused(problemId, openProblemId));
        }
        Duration elapsed = Duration.ofNanos(nowNanos - openedAtNanos);
        boolean correct = AnswerJudge.isCorrect(openQuestion, text);
        long points = correct ? scorecard.correct(elapsed) : scorecard.wrong();
        lastTimedOutProblemId = NO_PROBLEM;
        return judge(correct ? Judgement.CORRECT : Judgement.WRONG, points, nowNanos);
    }

    /**
     * The deadline of problem {@code problemId} has come. Nothing happens when that problem is no
     * longer open (it was answered, or the game is over): a timer may fire after the fact.
     */
    public List<GameEvent> deadline(long problemId, long nowNanos) {
        if (state != State.PLAYING || problemId != openProblemId) {
            return List.of();
        }
        long points = scorecard.timedOut();
        lastTimedOutProblemId = problemId;
        return judge(Judgement.TIMEOUT, points, nowNanos);
    }

    /** Ends the game early (the player left): the problem still open stays unanswered. */
    public Finished end(long nowNanos) {
        require(State.PLAYING, "end");
        state = State.FINISHED;
        openProblemId = NO_PROBLEM;
        openQuestion = null;
        return new Finished(standing(nowNanos));
    }

    /** Where the game stands at {@code nowNanos}; its result once it is over. */
    public Standing standing(long nowNanos) {
        return new Standing(scorecard.askedCount(), scorecard.answeredCount(), scorecard.correctCount(),
                scorecard.score(), rounds, Duration.ofNanos(nowNanos - startedAtNanos));
    }

    /** Whether the game has ended, every round played or ended early. */
    public boolean isOver() {
        return state == State.FINISHED;
    }

    private List<GameEvent> judge(Judgement judgement, long points, long nowNanos) {
        Judged judged = new Judged(openProblemId, judgement, openQuestion.expectedAnswer(), points, scorecard.score());
        openProblemId = NO_PROBLEM;
        openQuestion = null;
        if (scorecard.askedCount() < rounds) {
            return List.of(judged, open(nowNanos));
        }
        return List.of(judged, end(nowNanos));
    }

    private ProblemOpened open(long nowNanos) {
        // Asked only once the source has given a question: a source that fails asks nothing.
        openQuestion = problems.next();
        openProblemId = nextProblemId++;
        scorecard.asked();
        openedAtNanos = nowNanos;
        return new ProblemOpened(openProblemId, scorecard.askedCount(), rounds, timeLimit, openQuestion.text(),
                openQuestion.choices(), nowNanos + timeLimit.toNanos());
    }

    private void require(State expected, String action) {
        if (state != expected) {
            throw new IllegalStateException(action + " while " + state + " (expected: " + expected + ")");
        }
    }
}
