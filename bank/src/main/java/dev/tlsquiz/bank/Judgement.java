package dev.tlsquiz.bank;

import java.util.Objects;

/**
 * The judging of one answer.
 *
 * @param outcome correct, wrong, or not an answer to this question
 * @param feedback the bank's feedback for the answer given (for several choices, each chosen choice's
 *     feedback, one per line); empty when the bank has none. For {@link Outcome#NOT_AN_ANSWER}, one line
 *     saying how to answer, such as {@code 'z' is not a choice: answer a letter a-c or a number 1-3}
 * @param accepted the accepted answer(s) in readable form, such as {@code b) Paris} or {@code 3.14 ± 0.01};
 *     filled for {@link Outcome#NOT_AN_ANSWER} too, where a server that lets the player try again must not
 *     show it
 */
public record Judgement(Outcome outcome, String feedback, String accepted) {

    public Judgement {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(accepted, "accepted");
    }

    /** Whether the answer counts as right. */
    public boolean correct() {
        return outcome == Outcome.CORRECT;
    }

    static Judgement of(boolean correct, String feedback, String accepted) {
        return new Judgement(correct ? Outcome.CORRECT : Outcome.WRONG, feedback, accepted);
    }

    static Judgement notAnAnswer(NotAnAnswerException e, String accepted) {
        return new Judgement(Outcome.NOT_AN_ANSWER, e.getMessage(), accepted);
    }
}
