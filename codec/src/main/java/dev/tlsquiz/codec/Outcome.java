package dev.tlsquiz.codec;

/** How a problem ended, as carried by {@link Verdict}. */
public enum Outcome {
    CORRECT(0),
    WRONG(1),
    TIMEOUT(2);

    private final int code;

    Outcome(int code) {
        this.code = code;
    }

    /** The byte on the wire. */
    public int code() {
        return code;
    }

    /**
     * The outcome with this wire code.
     *
     * @throws QuizProtocolException with {@link ErrorCode#FIELD_OUT_OF_RANGE} for any other code
     */
    public static Outcome fromCode(int code) {
        for (Outcome outcome : values()) {
            if (outcome.code == code) {
                return outcome;
            }
        }
        throw new QuizProtocolException(ErrorCode.FIELD_OUT_OF_RANGE,
                "outcome: " + code + " (expected: 0, 1 or 2)");
    }
}
