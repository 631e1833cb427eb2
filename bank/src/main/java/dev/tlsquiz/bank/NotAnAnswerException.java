package dev.tlsquiz.bank;

/**
 * A text that does not have the form a question's {@link AnswerFormat} asks for. The message is one line
 * for the player, saying what is wrong and how to answer.
 */
public final class NotAnAnswerException extends Exception {

    private static final long serialVersionUID = 1L;

    NotAnAnswerException(String message) {
        super(message, null, false, false);
    }
}
