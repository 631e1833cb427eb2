package dev.tlsquiz.bank;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Short answer (GIFT {@code {=Paris =paris france}}): free text compared with each accepted text,
 * trimmed and ignoring case ({@link Locale#ROOT}). Correct when the matching text is right (weight above
 * 0; {@code =%50%Lyon} is right, {@code =%0%Lyon} only carries feedback). GIFT's {@code *} wildcard is
 * not interpreted: it matches itself.
 */
public record ShortAnswerQuestion(QuestionHeader header, List<AcceptedText> answers) implements Question {

    /**
     * One text the bank lists.
     *
     * @param weight the GIFT percentage, -100..100 ({@code =} alone is 100)
     */
    public record AcceptedText(String text, BigDecimal weight, String feedback) {

        public AcceptedText {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(feedback, "feedback");
            Weights.requireValid(weight);
        }

        boolean right() {
            return weight.signum() > 0;
        }
    }

    public ShortAnswerQuestion {
        Objects.requireNonNull(header, "header");
        answers = List.copyOf(answers);
        if (answers.stream().noneMatch(AcceptedText::right)) {
            throw new IllegalArgumentException("a short-answer question needs a right answer");
        }
    }

    @Override
    public QuestionKind kind() {
        return QuestionKind.SHORT_ANSWER;
    }

    @Override
    public AnswerFormat format() {
        return AnswerFormat.TEXT;
    }

    @Override
    public List<String> choices() {
        return List.of();
    }

    @Override
    public Judgement judge(String answer) {
        String given;
        try {
            given = normal(AnswerForms.parseText(answer));
        } catch (NotAnAnswerException e) {
            return Judgement.notAnAnswer(e, acceptedAnswers());
        }
        Optional<AcceptedText> match = answers.stream().filter(a -> normal(a.text()).equals(given))
                .max(Comparator.comparing(AcceptedText::weight));
        return Judgement.of(match.map(AcceptedText::right).orElse(false),
                match.map(AcceptedText::feedback).orElse(""), acceptedAnswers());
    }

    @Override
    public String acceptedAnswers() {
        return answers.stream().filter(AcceptedText::right).map(AcceptedText::text).collect(Collectors.joining(" or "));
    }

    private static String normal(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }
}
