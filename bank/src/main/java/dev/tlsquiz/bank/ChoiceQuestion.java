package dev.tlsquiz.bank;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** What the two multiple-choice kinds share: their choices, and the right ones as {@code a) x, c) y}. */
public sealed interface ChoiceQuestion extends Question permits OneChoiceQuestion, SeveralChoicesQuestion {

    /** The choices with their weights and feedback, in display order. */
    List<Choice> options();

    @Override
    default List<String> choices() {
        return options().stream().map(Choice::text).toList();
    }

    @Override
    default String acceptedAnswers() {
        List<Choice> options = options();
        return IntStream.range(0, options.size()).filter(i -> options.get(i).right())
                .mapToObj(i -> AnswerForms.label(i) + ") " + options.get(i).text())
                .collect(Collectors.joining(", "));
    }
}
