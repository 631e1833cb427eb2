package dev.tlsquiz.bank;

/**
 * What a judged answer is. {@link #NOT_AN_ANSWER} is a text that does not have the form the question's
 * {@link AnswerFormat} asks for (such as {@code z} for a three-choice question): neither right nor wrong,
 * the player should be told how to answer.
 */
public enum Outcome {
    CORRECT,
    WRONG,
    NOT_AN_ANSWER
}
