package dev.tlsquiz.client.play;

import dev.tlsquiz.bank.AnswerForms;
import dev.tlsquiz.codec.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The check of an answer's form before it is sent: the same rules the server's judge applies
 * ({@link AnswerForms}, for the problem's answer format), and the size one ANSWER frame carries.
 * A person is asked again; a script's line is sent anyway, with a warning (see {@link PlaySession}).
 */
final class AnswerCheck {

    /**
     * The longest answer an ANSWER frame carries within the default maximum frame length (PROTOCOL.md,
     * section 8: 16384 bytes, less the type byte, the problemId and the string's length): a longer one
     * would make the server end the session with FRAME_TOO_LARGE.
     */
    static final int MAX_ANSWER_BYTES = 16 * 1024 - 1 - 4 - 2;

    private AnswerCheck() {
    }

    /** Why {@code text} is not an answer to {@code problem}, as one line for the player; empty when it is one. */
    static Optional<String> problem(Problem problem, String text) {
        Optional<String> form = AnswerForms.problem(bankFormat(problem), problem.choices().size(), text);
        if (form.isPresent()) {
            return form;
        }
        int bytes = text.strip().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_ANSWER_BYTES) {
            return Optional.of("that answer is " + bytes + " bytes; an ANSWER carries at most " + MAX_ANSWER_BYTES
                    + " (the protocol's frame limit): type a shorter one");
        }
        return Optional.empty();
    }

    /** The bank's name for the problem's format: the two enums name the same five formats. */
    private static dev.tlsquiz.bank.AnswerFormat bankFormat(Problem problem) {
        return switch (problem.format()) {
            case INTEGER -> dev.tlsquiz.bank.AnswerFormat.INTEGER;
            case NUMBER -> dev.tlsquiz.bank.AnswerFormat.NUMBER;
            case ONE_CHOICE -> dev.tlsquiz.bank.AnswerFormat.ONE_CHOICE;
            case SEVERAL_CHOICES -> dev.tlsquiz.bank.AnswerFormat.SEVERAL_CHOICES;
            case TEXT -> dev.tlsquiz.bank.AnswerFormat.TEXT;
        };
    }
}
