package dev.tlsquiz.bank;

import java.util.List;

/**
 * One question of a bank: what to show, how it is answered, and how an answer is judged. The kinds are
 * records: {@link OneChoiceQuestion}, {@link SeveralChoicesQuestion}, {@link TrueFalseQuestion},
 * {@link ShortAnswerQuestion}, {@link NumericalQuestion} and {@link IntegerQuestion} (the arithmetic
 * generator's).
 *
 * <p>Questions are immutable and can be shared by every session of a server.
 */
public sealed interface Question
        permits ChoiceQuestion, TrueFalseQuestion, ShortAnswerQuestion,
        NumericalQuestion, IntegerQuestion {

    /** Text, title, category, general feedback, time limit, position. */
    QuestionHeader header();

    /** The text to show the player. */
    default String text() {
        return header().text();
    }

    /** What kind of question this is, for counting. */
    QuestionKind kind();

    /** How it is answered. */
    AnswerFormat format();

    /** The choices, in display order ({@code a)} first); empty unless the format is a choice. */
    List<String> choices();

    /**
     * Judges the text a player sent. Never throws: a text of the wrong form is
     * {@link Outcome#NOT_AN_ANSWER}.
     */
    Judgement judge(String answer);

    /** The accepted answer(s) in readable form, such as {@code b) Paris} or {@code 1..5}. */
    String acceptedAnswers();
}
