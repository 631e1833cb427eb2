package dev.tlsquiz.server.quiz;

import java.util.List;
import java.util.Objects;

/**
 * One question as a {@link ProblemSource} hands it out: what to show, what counts as right, and
 * the choices of a multiple-choice question. A question is a plain value, so a shared live room
 * can hand the same instance to many sessions.
 *
 * @param text           what the player sees, such as {@code 17 + 25}
 * @param expectedAnswer the right answer in its canonical form, such as {@code 42}; shown to the
 *                       player in the verdict
 * @param choices        the possible answers of a multiple-choice question; empty for a free answer
 */
public record Question(String text, String expectedAnswer, List<String> choices) {

    public Question {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(expectedAnswer, "expectedAnswer");
        choices = List.copyOf(choices);
    }

    /** A free-answer question (no choices). */
    public static Question freeAnswer(String text, String expectedAnswer) {
        return new Question(text, expectedAnswer, List.of());
    }
}
