package dev.tlsquiz.bank;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Multiple choice with several right answers (GIFT percentage weights, {@code {~%50%a ~%50%b ~%-100%c}},
 * or a CSV row with correct answers {@code 1,3}).
 *
 * <p><b>Rule:</b> the answer is correct only when the player chooses every right choice (weight above
 * 0) and no wrong one (weight 0 or below). There is no partial credit: the weights say which choices
 * are right, not how many points a choice earns.
 */
public record SeveralChoicesQuestion(QuestionHeader header, List<Choice> options) implements ChoiceQuestion {

    public SeveralChoicesQuestion {
        Objects.requireNonNull(header, "header");
        options = List.copyOf(options);
        if (options.stream().noneMatch(Choice::right)) {
            throw new IllegalArgumentException("a several-choices question needs a right choice");
        }
    }

    @Override
    public QuestionKind kind() {
        return QuestionKind.SEVERAL_CHOICES;
    }

    @Override
    public AnswerFormat format() {
        return AnswerFormat.SEVERAL_CHOICES;
    }

    @Override
    public Judgement judge(String answer) {
        try {
            SortedSet<Integer> chosen = AnswerForms.parseChoices(answer, options.size(), true);
            Set<Integer> right = IntStream.range(0, options.size()).filter(i -> options.get(i).right())
                    .boxed().collect(Collectors.toSet());
            String feedback = chosen.stream().map(i -> options.get(i).feedback()).filter(f -> !f.isEmpty())
                    .collect(Collectors.joining("\n"));
            return Judgement.of(chosen.equals(right), feedback, acceptedAnswers());
        } catch (NotAnAnswerException e) {
            return Judgement.notAnAnswer(e, acceptedAnswers());
        }
    }
}
