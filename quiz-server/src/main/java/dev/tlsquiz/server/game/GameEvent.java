package dev.tlsquiz.server.game;

import dev.tlsquiz.bank.AnswerFormat;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link PlayerGame} tells its driver. A driver turns each event into
 * what its transport needs (a message, a timer, a log line); the events carry no channel and no
 * protocol type, so any driver can play the same game.
 */
public sealed interface GameEvent {

    /**
     * A problem is open: show it, and call {@link PlayerGame#deadline} for it at {@code deadlineNanos}.
     *
     * @param problemId     the id answers must quote; unique within the game, counting from 1
     * @param round         the round, counting from 1
     * @param rounds        the rounds of the game
     * @param timeLimit     the time the player has for it: the question's own (a CSV bank's column), else the game's
     * @param text          what the player sees
     * @param format        how it is answered
     * @param choices       the possible answers of a multiple-choice question; empty for a free answer
     * @param deadlineNanos when, on the clock the game is played with, its time runs out
     */
    record ProblemOpened(long problemId, int round, int rounds, Duration timeLimit, String text,
                         AnswerFormat format, List<String> choices, long deadlineNanos) implements GameEvent {
        public ProblemOpened {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(format, "format");
            choices = List.copyOf(choices);
        }
    }

    /**
     * The open problem was answered or timed out; the driver calls {@link PlayerGame#next} when the
     * next problem is due.
     *
     * @param problemId      the problem judged
     * @param judgement      right, wrong or too late
     * @param expectedAnswer the accepted answer(s) in readable form, shown to the player
     * @param feedback       what the bank says about the answer given (and about the question), one item a
     *                       line; for an answer that is not of the question's form, how to answer; or empty
     * @param points         the points this problem earned
     * @param score          the total score after it
     */
    record Judged(long problemId, Judgement judgement, String expectedAnswer, String feedback, long points,
                  long score) implements GameEvent {
        public Judged {
            Objects.requireNonNull(expectedAnswer, "expectedAnswer");
            Objects.requireNonNull(feedback, "feedback");
        }
    }

    /**
     * An answer for the problem that just timed out: it crossed the TIMEOUT verdict on the way, so
     * the player was not slow on purpose, and it is ignored.
     *
     * @param problemId the timed-out problem the answer quotes
     */
    record LateAnswerIgnored(long problemId) implements GameEvent {
    }

    /**
     * An answer for a problem that is neither open nor the one that just timed out: a protocol
     * violation, which ends the game as far as the driver is concerned.
     *
     * @param problemId     the problem the answer quotes
     * @param openProblemId the problem that is open
     */
    record AnswerRefused(long problemId, long openProblemId) implements GameEvent {
    }

    /**
     * The game is over, every round played or the player gone; nothing more happens in it.
     *
     * @param result the final standing
     */
    record Finished(Standing result) implements GameEvent {
    }
}
