package dev.tlsquiz.bank;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Numerical (GIFT {@code {#42}}, {@code {#3.14:0.01}}, {@code {#1..5}}, {@code {#=42 =%50%43:1 #close}}):
 * a decimal number (see {@link AnswerForms#parseNumber}) compared exactly, with {@link BigDecimal}, with
 * each accepted interval. When several intervals contain the answer, the one with the highest weight
 * decides; correct when its weight is above 0.
 */
public record NumericalQuestion(QuestionHeader header, List<NumericAnswer> answers) implements Question {

    /**
     * One accepted interval, bounds included.
     *
     * @param written the bank's own spelling for the readable answer, such as {@code 3.14 ± 0.01}
     */
    public record NumericAnswer(BigDecimal min, BigDecimal max, BigDecimal weight, String feedback, String written) {

        public NumericAnswer {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            Objects.requireNonNull(feedback, "feedback");
            Objects.requireNonNull(written, "written");
            Weights.requireValid(weight);
            if (min.compareTo(max) > 0) {
                throw new IllegalArgumentException("min " + min + " > max " + max);
            }
        }

        /** {@code value} exactly, or within {@code tolerance} of it. */
        public static NumericAnswer around(BigDecimal value, BigDecimal tolerance, BigDecimal weight, String feedback) {
            String written = tolerance.signum() == 0 ? value.toPlainString()
                    : value.toPlainString() + " ± " + tolerance.toPlainString();
            return new NumericAnswer(value.subtract(tolerance), value.add(tolerance), weight, feedback, written);
        }

        /** Anything from {@code min} to {@code max}. */
        public static NumericAnswer between(BigDecimal min, BigDecimal max, BigDecimal weight, String feedback) {
            return new NumericAnswer(min, max, weight, feedback, min.toPlainString() + ".." + max.toPlainString());
        }

        boolean contains(BigDecimal value) {
            return min.compareTo(value) <= 0 && value.compareTo(max) <= 0;
        }

        boolean right() {
            return weight.signum() > 0;
        }
    }

    public NumericalQuestion {
        Objects.requireNonNull(header, "header");
        answers = List.copyOf(answers);
        if (answers.stream().noneMatch(NumericAnswer::right)) {
            throw new IllegalArgumentException("a numerical question needs a right answer");
        }
    }

    @Override
    public QuestionKind kind() {
        return QuestionKind.NUMERICAL;
    }

    @Override
    public AnswerFormat format() {
        return AnswerFormat.NUMBER;
    }

    @Override
    public List<String> choices() {
        return List.of();
    }

    @Override
    public Judgement judge(String answer) {
        BigDecimal value;
        try {
            value = AnswerForms.parseNumber(answer);
        } catch (NotAnAnswerException e) {
            return Judgement.notAnAnswer(e, acceptedAnswers());
        }
        Optional<NumericAnswer> match = answers.stream().filter(a -> a.contains(value))
                .max(Comparator.comparing(NumericAnswer::weight));
        return Judgement.of(match.map(NumericAnswer::right).orElse(false),
                match.map(NumericAnswer::feedback).orElse(""), acceptedAnswers());
    }

    @Override
    public String acceptedAnswers() {
        return answers.stream().filter(NumericAnswer::right).map(NumericAnswer::written).collect(Collectors.joining(" or "));
    }
}
