package dev.tlsquiz.codec;

import java.util.Objects;

/**
 * VERDICT, server to client: how a problem ended.
 *
 * @param problemId the problem judged (u32)
 * @param outcome   CORRECT, WRONG, or TIMEOUT when the time limit passed first
 * @param expected  the correct answer, as text
 * @param points    points earned for this problem (u32)
 * @param score     the player's running score after this problem (u32)
 * @param feedback  what the question's author says about the answer given (or about the
 *                  question, for a timeout); empty when there is none. On the wire from version 2 on
 */
public record Verdict(long problemId, Outcome outcome, String expected, long points, long score, String feedback)
        implements QuizMessage {

    public Verdict {
        Fields.u32("problemId", problemId);
        Objects.requireNonNull(outcome, "outcome");
        Fields.string("expected", expected);
        Fields.u32("points", points);
        Fields.u32("score", score);
        Fields.string("feedback", feedback);
    }

    /** A verdict without feedback, all that version 1 carries. */
    public Verdict(long problemId, Outcome outcome, String expected, long points, long score) {
        this(problemId, outcome, expected, points, score, "");
    }

    @Override
    public MessageType type() {
        return MessageType.VERDICT;
    }
}
