package dev.tlsquiz.client.play;

import dev.tlsquiz.codec.AnswerFormat;
import dev.tlsquiz.codec.Problem;
import java.util.Optional;

/**
 * What {@code --auto} answers: the arithmetic problems it can compute ({@link ArithmeticSolver}), and
 * nothing else. A question from a bank (a choice, a capital, a date) has no answer to compute, and
 * sending a guess would only be nonsense with a score.
 */
final class AutoAnswer {

    /** A question is quoted up to this many characters in the message that {@code --auto} skips it. */
    static final int MAX_QUOTED_CHARS = 60;

    private AutoAnswer() {
    }

    /** The answer to {@code problem}, or empty when it is not arithmetic this client can compute. */
    static Optional<String> solve(Problem problem) {
        if (!computable(problem.format())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.toString(ArithmeticSolver.solve(problem.text())));
        } catch (IllegalArgumentException notArithmetic) {
            return Optional.empty();
        }
    }

    /**
     * Why {@link #solve} has no answer, for the player's output, such as
     * {@code cannot answer 'Capital of France?' automatically: a TEXT question}.
     */
    static String whyNot(Problem problem) {
        String what = computable(problem.format())
                ? "not arithmetic of the form 'A op B' with a whole-number result"
                : "a " + problem.format().name() + " question";
        // The renderer makes the text safe for a terminal; here it is only kept short.
        return "cannot answer '" + shortened(problem.text()) + "' automatically: " + what
                + "; it is left to time out";
    }

    /** Formats whose answer is a number: only they can hold a computed result. */
    private static boolean computable(AnswerFormat format) {
        return format == AnswerFormat.INTEGER || format == AnswerFormat.NUMBER;
    }

    private static String shortened(String text) {
        return text.length() <= MAX_QUOTED_CHARS ? text : text.substring(0, MAX_QUOTED_CHARS - 1) + "\u2026";
    }
}
