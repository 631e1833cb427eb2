package dev.tlsquiz.server.services;

import dev.tlsquiz.codec.AnswerFormat;
import java.util.List;
import java.util.Objects;

/**
 * A question a finished game asked.
 *
 * @param number         its round, counting from 1
 * @param text           the question as shown
 * @param format         how it was answered
 * @param choices        its choices, in display order; empty for a free answer
 * @param acceptedAnswer the accepted answer(s) in readable form, as the reveal showed them
 */
public record QuestionRecord(int number, String text, AnswerFormat format, List<String> choices,
                             String acceptedAnswer) {
    public QuestionRecord {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(acceptedAnswer, "acceptedAnswer");
        choices = List.copyOf(choices);
    }
}
