package dev.tlsquiz.codec;

/**
 * How a {@link Problem} is answered, carried by PROBLEM from protocol version 2 on, so that a client
 * never has to guess from the text what to ask the player for.
 *
 * <p>Version 1 has no such field: a version 1 PROBLEM with choices reads as {@link #ONE_CHOICE}
 * and one without as {@link #TEXT}, the formats that say no more than version 1 did.
 */
public enum AnswerFormat {
    /** A whole number, such as {@code 42} or {@code -7}, of any size. */
    INTEGER(0, false),
    /** A decimal number, such as {@code 3.14}. */
    NUMBER(1, false),
    /** One of the choices; the ANSWER names it by 1-based number or letter (version 2), or by its text (version 1). */
    ONE_CHOICE(2, true),
    /** Any non-empty set of the choices; the ANSWER names them by number or letter, such as {@code 1,3} or {@code a,c}. */
    SEVERAL_CHOICES(3, true),
    /** Free text. */
    TEXT(4, false);

    private final int code;
    private final boolean hasChoices;

    AnswerFormat(int code, boolean hasChoices) {
        this.code = code;
        this.hasChoices = hasChoices;
    }

    /** The byte on the wire. */
    public int code() {
        return code;
    }

    /** Whether a problem of this format lists choices (at least one), rather than none. */
    public boolean hasChoices() {
        return hasChoices;
    }

    /**
     * The format with this wire code.
     *
     * @throws QuizProtocolException with {@link ErrorCode#FIELD_OUT_OF_RANGE} for any other code
     */
    public static AnswerFormat fromCode(int code) {
        for (AnswerFormat format : values()) {
            if (format.code == code) {
                return format;
            }
        }
        throw new QuizProtocolException(ErrorCode.FIELD_OUT_OF_RANGE,
                "PROBLEM.answerFormat: " + code + " (expected: 0 to 4)");
    }
}
