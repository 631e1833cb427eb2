package dev.tlsquiz.bank;

/** The kinds of question a bank holds, in the order {@code bank check} counts them; {@link #label()} names them. */
public enum QuestionKind {
    ONE_CHOICE("multiple choice, one right answer"),
    SEVERAL_CHOICES("multiple choice, several right answers"),
    TRUE_FALSE("true/false"),
    SHORT_ANSWER("short answer"),
    NUMERICAL("numerical"),
    INTEGER("integer");

    private final String label;

    QuestionKind(String label) {
        this.label = label;
    }

    /** A human name, such as {@code short answer}. */
    public String label() {
        return label;
    }
}
