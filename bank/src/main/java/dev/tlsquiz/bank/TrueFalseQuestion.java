package dev.tlsquiz.bank;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * True or false (GIFT {@code {T}}, {@code {TRUE}}, {@code {F}}, {@code {FALSE}}). Asked as one choice
 * between {@code a) True} and {@code b) False}; the words {@code true}/{@code false}/{@code t}/{@code f}
 * (any case) are accepted too.
 *
 * @param truth whether the statement is true
 * @param feedbackWhenWrong GIFT's first {@code #feedback}: shown to a player who answered wrongly
 * @param feedbackWhenRight GIFT's second {@code #feedback}: shown to a player who answered rightly
 */
public record TrueFalseQuestion(QuestionHeader header, boolean truth, String feedbackWhenWrong,
                                String feedbackWhenRight) implements Question {

    private static final List<String> CHOICES = List.of("True", "False");

    public TrueFalseQuestion {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(feedbackWhenWrong, "feedbackWhenWrong");
        Objects.requireNonNull(feedbackWhenRight, "feedbackWhenRight");
    }

    @Override
    public QuestionKind kind() {
        return QuestionKind.TRUE_FALSE;
    }

    @Override
    public AnswerFormat format() {
        return AnswerFormat.ONE_CHOICE;
    }

    @Override
    public List<String> choices() {
        return CHOICES;
    }

    @Override
    public Judgement judge(String answer) {
        Boolean said = word(answer);
        try {
            if (said == null) {
                said = AnswerForms.parseChoices(answer, 2, false).first() == 0;
            }
        } catch (NotAnAnswerException e) {
            return Judgement.notAnAnswer(e, acceptedAnswers());
        }
        boolean correct = said == truth;
        return Judgement.of(correct, correct ? feedbackWhenRight : feedbackWhenWrong, acceptedAnswers());
    }

    @Override
    public String acceptedAnswers() {
        return truth ? "a) True" : "b) False";
    }

    private static Boolean word(String answer) {
        return switch (answer.trim().toLowerCase(Locale.ROOT)) {
            // t and f are no choice letters (a and b are), so the words never shadow a choice
            case "true", "t" -> Boolean.TRUE;
            case "false", "f" -> Boolean.FALSE;
            default -> null;
        };
    }
}
