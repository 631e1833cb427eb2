package dev.tlsquiz.codec;

/** Where a room's questions come from, as HOST asks. */
public enum QuestionSource implements WireCode {
    /** The server's own questions: its banks or its generator, as its operator configured them. */
    SERVER(0),
    /** The server's arithmetic generator with HOST's operations and digits. */
    ARITHMETIC(1),
    /** A GIFT bank the host sends in BANK_PART messages. */
    GIFT_BANK(2),
    /** A Kahoot-style CSV bank the host sends in BANK_PART messages. */
    CSV_BANK(3);

    private final int code;

    QuestionSource(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** Whether the host sends the questions (in BANK_PART messages after HOST). */
    public boolean sentByHost() {
        return this == GIFT_BANK || this == CSV_BANK;
    }

    /** @throws QuizProtocolException with {@code FIELD_OUT_OF_RANGE} for a code no source owns */
    public static QuestionSource fromCode(int code) {
        return WireCode.fromCode(values(), "source", code);
    }
}
