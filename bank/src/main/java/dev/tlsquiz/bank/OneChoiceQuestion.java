package dev.tlsquiz.bank;

import java.util.List;
import java.util.Objects;

/**
 * Multiple choice with one right answer (GIFT {@code {=right ~wrong ~wrong}}, or a CSV row with one
 * correct answer). The player names one choice; it is correct when that choice is the right one.
 */
public record OneChoiceQuestion(QuestionHeader header, List<Choice> options) implements ChoiceQuestion {

    public OneChoiceQuestion {
        Objects.requireNonNull(header, "header");
        options = List.copyOf(options);
        if (options.stream().filter(Choice::right).count() != 1) {
            throw new IllegalArgumentException("a one-choice question needs exactly one right choice");
        }
    }

    @Override
    public QuestionKind kind() {
        return QuestionKind.ONE_CHOICE;
    }

    @Override
    public AnswerFormat format() {
        return AnswerFormat.ONE_CHOICE;
    }

    @Override
    public Judgement judge(String answer) {
        try {
            int chosen = AnswerForms.parseChoices(answer, options.size(), false).first();
            Choice choice = options.get(chosen);
            return Judgement.of(choice.right(), choice.feedback(), acceptedAnswers());
        } catch (NotAnAnswerException e) {
            return Judgement.notAnAnswer(e, acceptedAnswers());
        }
    }
}
