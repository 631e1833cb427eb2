package dev.tlsquiz.server.game;

import dev.tlsquiz.bank.Question;
import dev.tlsquiz.server.quiz.Scorecard;
import java.time.Duration;
import java.util.Objects;

/**
 * How one answer (or its absence) to one question was marked: the judging and scoring rule a solo
 * {@link PlayerGame} and a live room share, so that a room's scores are exactly what solo play
 * would give for the same answers at the same speeds.
 *
 * @param judgement      right, wrong or too late
 * @param expectedAnswer the accepted answer(s) in readable form
 * @param feedback       the answer's feedback, then the question's general feedback, one a line
 * @param points         the points it earned (already added to the scorecard)
 */
public record Marking(Judgement judgement, String expectedAnswer, String feedback, long points) {

    public Marking {
        Objects.requireNonNull(judgement, "judgement");
        Objects.requireNonNull(expectedAnswer, "expectedAnswer");
        Objects.requireNonNull(feedback, "feedback");
    }

    /**
     * Judges {@code text} as an answer to {@code question} that arrived {@code elapsed} after the
     * question was opened with {@code timeLimit}, and records it on {@code scorecard}.
     */
    public static Marking answer(Question question, String text, Duration elapsed, Duration timeLimit,
                                 Scorecard scorecard) {
        dev.tlsquiz.bank.Judgement judged = question.judge(text);
        // NOT_AN_ANSWER counts as wrong: the player had their one try; its feedback says how to answer.
        boolean correct = judged.correct();
        long points = correct ? scorecard.correct(elapsed, timeLimit) : scorecard.wrong();
        return new Marking(correct ? Judgement.CORRECT : Judgement.WRONG, judged.accepted(),
                feedback(judged.feedback(), question.header().generalFeedback()), points);
    }

    /** No answer to {@code question} within its time: recorded on {@code scorecard}, 0 points. */
    public static Marking timedOut(Question question, Scorecard scorecard) {
        long points = scorecard.timedOut();
        return new Marking(Judgement.TIMEOUT, question.acceptedAnswers(),
                feedback("", question.header().generalFeedback()), points);
    }

    /** The answer's feedback, then the question's general feedback (shown whatever the answer), one a line. */
    private static String feedback(String answerFeedback, String generalFeedback) {
        if (answerFeedback.isEmpty() || generalFeedback.isEmpty()) {
            return answerFeedback + generalFeedback;
        }
        return answerFeedback + "\n" + generalFeedback;
    }
}
