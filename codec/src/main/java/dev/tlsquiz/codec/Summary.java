package dev.tlsquiz.codec;

/**
 * SUMMARY, server to client: the session's result, sent last before the server closes.
 *
 * @param correct        problems answered correctly (u16)
 * @param answered       problems answered at all, right or wrong (u16)
 * @param total          problems asked (u16); less than the rounds when the session ended early
 * @param score          the final score (u32)
 * @param durationMillis the session's length from WELCOME to SUMMARY, in milliseconds (u64, >= 0)
 */
public record Summary(int correct, int answered, int total, long score, long durationMillis)
        implements QuizMessage {

    public Summary {
        Fields.u16("correct", correct);
        Fields.u16("answered", answered);
        Fields.u16("total", total);
        Fields.u32("score", score);
        Fields.nonNegative("durationMillis", durationMillis);
    }

    @Override
    public MessageType type() {
        return MessageType.SUMMARY;
    }
}
