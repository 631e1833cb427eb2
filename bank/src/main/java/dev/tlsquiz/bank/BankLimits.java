package dev.tlsquiz.bank;

/**
 * What a bank may hold, checked at load time so that every question fits the frames the server sends
 * (PROTOCOL.md: PROBLEM carries the text and the choices, VERDICT the feedback and the accepted answers;
 * a string field is at most 65535 bytes, and a frame at most the peer's maximum, 16384 bytes by default).
 *
 * @param maxFileBytes a larger file is refused before it is read
 * @param maxQuestions more questions than this is an error: split the bank
 * @param maxTextBytes a question's text, UTF-8 bytes
 * @param maxChoices choices per question, and answers per GIFT answer block; at most 26, so that every
 *     choice has a letter
 * @param maxChoiceBytes one choice (or accepted short answer), UTF-8 bytes
 * @param maxFeedbackBytes one feedback (per answer, or general), UTF-8 bytes
 * @param maxFrameBytes the frame size the PROBLEM and VERDICT of each question must fit in, with
 *     {@link #FRAME_RESERVE_BYTES} to spare for fields a later protocol version adds
 */
public record BankLimits(long maxFileBytes, int maxQuestions, int maxTextBytes, int maxChoices,
                         int maxChoiceBytes, int maxFeedbackBytes, int maxFrameBytes) {

    /** Room left in every frame for fields that protocol version 2 adds (answer format, feedback length). */
    public static final int FRAME_RESERVE_BYTES = 64;

    /** The protocol's default maximum frame, PROTOCOL.md section 2. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024;

    /**
     * 4 MiB files, 100,000 questions, 4 KiB texts, 26 choices of 1 KiB, 1 KiB feedbacks, 16 KiB frames.
     * A 4 MiB GIFT file holds tens of thousands of ordinary questions; anything larger is more likely a
     * wrong file than a bank.
     */
    public static BankLimits defaults() {
        return new BankLimits(4L * 1024 * 1024, 100_000, 4096, 26, 1024, 1024, DEFAULT_MAX_FRAME_BYTES);
    }

    public BankLimits {
        positive("maxFileBytes", maxFileBytes);
        positive("maxQuestions", maxQuestions);
        positive("maxTextBytes", maxTextBytes);
        positive("maxChoiceBytes", maxChoiceBytes);
        positive("maxFeedbackBytes", maxFeedbackBytes);
        if (maxChoices < 2 || maxChoices > 26) {
            throw new IllegalArgumentException("maxChoices: " + maxChoices + " (expected: 2..26)");
        }
        if (maxFrameBytes <= FRAME_RESERVE_BYTES) {
            throw new IllegalArgumentException("maxFrameBytes: " + maxFrameBytes + " (expected: > " + FRAME_RESERVE_BYTES + ")");
        }
        if (maxFileBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxFileBytes: " + maxFileBytes + " (expected: < 2 GiB)");
        }
    }

    /** The same limits for files of at most {@code bytes} (a bank a room's host sends). */
    public BankLimits withMaxFileBytes(long bytes) {
        return new BankLimits(bytes, maxQuestions, maxTextBytes, maxChoices, maxChoiceBytes, maxFeedbackBytes, maxFrameBytes);
    }

    /** The same limits for frames of {@code bytes} (a server started with another --max-frame). */
    public BankLimits withMaxFrameBytes(int bytes) {
        return new BankLimits(maxFileBytes, maxQuestions, maxTextBytes, maxChoices, maxChoiceBytes, maxFeedbackBytes, bytes);
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: >= 1)");
        }
    }
}
