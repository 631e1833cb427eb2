package dev.tlsquiz.server.game;

import dev.tlsquiz.bank.Question;
import dev.tlsquiz.server.game.GameEvent.AnswerRefused;
import dev.tlsquiz.server.game.GameEvent.Finished;
import dev.tlsquiz.server.game.GameEvent.Judged;
import dev.tlsquiz.server.game.GameEvent.LateAnswerIgnored;
import dev.tlsquiz.server.game.GameEvent.ProblemOpened;
import dev.tlsquiz.server.quiz.ProblemSource;
import dev.tlsquiz.server.quiz.Scorecard;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The rules of one player's game, apart from any transport: rounds of problems, at most one open
 * at a time, each judged on its answer or when its time runs out, scored with the speed and streak
 * bonus ({@link dev.tlsquiz.server.quiz.ScoringRule}), and an answer that crossed its TIMEOUT on the
 * way forgiven. Inputs are plain values with the time they happen ({@code nowNanos}, from the
 * driver's {@link GameClock}); outputs are {@link GameEvent}s.
 *
 * <p>The game starts no timers and does not choose when the next problem opens: its driver calls
 * {@link #deadline} when a problem's deadline comes, and {@link #next} once a problem is judged. A
 * player on their own ({@code QuizSession}) gets the next problem at once; a live room would open
 * it for all its players' games together when its round closes, handing each the same questions.
 *
 * <pre>
 * NOT_STARTED --start--> PLAYING --next after the last round / end--> FINISHED
 * </pre>
 *
 * <p>Not thread-safe: a driver calls it from one thread (a session's or a room's event loop).
 */
public final class PlayerGame {

    private static final long NO_PROBLEM = -1;

    private enum State { NOT_STARTED, PLAYING, FINISHED }

    private final ProblemSource problems;
    private final int rounds;
    private final Duration timeLimit;
    private final Scorecard scorecard;

    private State state = State.NOT_STARTED;
    private long startedAtNanos;
    private Question openQuestion;
    private Duration openTimeLimit;
    private long openProblemId = NO_PROBLEM;
    private long openedAtNanos;
    private long lastTimedOutProblemId = NO_PROBLEM;
    private long nextProblemId = 1;

    /**
     * @param problems  the questions, one per round
     * @param rounds    how many problems the game asks, at least 1
     * @param timeLimit the time allowed per problem, which also scales the speed bonus
     */
    public PlayerGame(ProblemSource problems, int rounds, Duration timeLimit) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds: " + rounds + " (expected: >= 1)");
        }
        this.problems = problems;
        this.rounds = rounds;
        this.timeLimit = timeLimit;
        this.scorecard = new Scorecard(timeLimit);
    }

    /** Starts the game: opens the first problem. */
    public ProblemOpened start(long nowNanos) {
        require(State.NOT_STARTED, "start");
        state = State.PLAYING;
        startedAtNanos = nowNanos;
        return open(nowNanos);
    }

    /**
     * An answer for problem {@code problemId}: the open problem is {@link Judged}; an answer for the
     * problem that just timed out is {@link LateAnswerIgnored}; any other is {@link AnswerRefused}.
     */
    public GameEvent answer(long problemId, String text, long nowNanos) {
        require(State.PLAYING, "answer");
        if (problemId != openProblemId) {
            if (problemId == lastTimedOutProblemId) {
                return new LateAnswerIgnored(problemId);
            }
            return new AnswerRefused(problemId, openProblemId);
        }
        Duration elapsed = Duration.ofNanos(nowNanos - openedAtNanos);
        Marking marking = Marking.answer(openQuestion, text, elapsed, openTimeLimit, scorecard);
        lastTimedOutProblemId = NO_PROBLEM;
        return judge(marking);
    }

    /**
     * The deadline of problem {@code problemId} has come: it times out. Empty when that problem is
     * no longer open (it was answered, or the game is over), as a timer may fire after the fact.
     */
    public Optional<Judged> deadline(long problemId, long nowNanos) {
        if (state != State.PLAYING || problemId != openProblemId) {
            return Optional.empty();
        }
        Marking marking = Marking.timedOut(openQuestion, scorecard);
        lastTimedOutProblemId = problemId;
        return Optional.of(judge(marking));
    }

    /** After a judgement: opens the next problem, or finishes the game when every round is played. */
    public GameEvent next(long nowNanos) {
        require(State.PLAYING, "next");
        if (openProblemId != NO_PROBLEM) {
            throw new IllegalStateException("next while problem " + openProblemId + " is open");
        }
        return scorecard.askedCount() < rounds ? open(nowNanos) : end(nowNanos);
    }

    /** Ends the game, early when the player leaves: a problem still open stays unanswered. */
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

    private Judged judge(Marking marking) {
        Judged judged = new Judged(openProblemId, marking.judgement(), marking.expectedAnswer(), marking.feedback(),
                marking.points(), scorecard.score());
        openProblemId = NO_PROBLEM;
        openQuestion = null;
        return judged;
    }

    private ProblemOpened open(long nowNanos) {
        // Asked only once the source has given a question: a source that fails asks nothing.
        openQuestion = problems.next();
        openProblemId = nextProblemId++;
        scorecard.asked();
        openedAtNanos = nowNanos;
        // A bank's own time limit (a CSV column) is the author's choice for that question.
        OptionalInt own = openQuestion.header().timeLimit();
        openTimeLimit = own.isPresent() ? Duration.ofSeconds(own.getAsInt()) : timeLimit;
        return new ProblemOpened(openProblemId, scorecard.askedCount(), rounds, openTimeLimit, openQuestion.text(),
                openQuestion.format(), openQuestion.choices(), nowNanos + openTimeLimit.toNanos());
    }

    private void require(State expected, String action) {
        if (state != expected) {
            throw new IllegalStateException(action + " while " + state + " (expected: " + expected + ")");
        }
    }
}
