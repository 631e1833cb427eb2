package dev.tlsquiz.bank;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A question whose answer is one whole number, such as a generated {@code 17 + 25}: the arithmetic
 * generator as one bank among others.
 */
public record IntegerQuestion(QuestionHeader header, BigInteger answer) implements Question {

    public IntegerQuestion {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(answer, "answer");
    }

    /** A generated question: just a text and its answer. */
    public static IntegerQuestion of(String text, long answer) {
        return new IntegerQuestion(QuestionHeader.of(text), BigInteger.valueOf(answer));
    }

    @Override
    public QuestionKind kind() {
        return QuestionKind.INTEGER;
    }

    @Override
    public AnswerFormat format() {
        return AnswerFormat.INTEGER;
    }

    @Override
    public List<String> choices() {
        return List.of();
    }

    @Override
    public Judgement judge(String answer) {
        try {
            return Judgement.of(AnswerForms.parseInteger(answer).equals(this.answer), "", acceptedAnswers());
        } catch (NotAnAnswerException e) {
            return Judgement.notAnAnswer(e, acceptedAnswers());
        }
    }

    @Override
    public String acceptedAnswers() {
        return answer.toString();
    }
}
