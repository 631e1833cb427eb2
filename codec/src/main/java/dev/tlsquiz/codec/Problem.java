package dev.tlsquiz.codec;

import java.util.List;
import java.util.Objects;

/**
 * PROBLEM, server to client: the open question of one round.
 *
 * @param problemId       identifies this problem within the session; the ANSWER must carry it (u32)
 * @param round           this problem's round, 1-based (u16)
 * @param rounds          the total number of rounds in the session (u16)
 * @param timeLimitMillis the time allowed to answer, in milliseconds (u32)
 * @param text            what to show the player, such as {@code 17 + 25}
 * @param format          how the problem is answered; on the wire from version 2 on
 * @param choices         the possible answers, in display order: 1 to 255 for a format that
 *                        {@linkplain AnswerFormat#hasChoices() has choices}, none for the others
 */
public record Problem(long problemId, int round, int rounds, long timeLimitMillis, String text,
                      AnswerFormat format, List<String> choices) implements QuizMessage {

    public Problem {
        Fields.u32("problemId", problemId);
        Fields.u16("round", round);
        Fields.u16("rounds", rounds);
        Fields.u32("timeLimitMillis", timeLimitMillis);
        Fields.string("text", text);
        Objects.requireNonNull(format, "format");
        choices = List.copyOf(choices);
        Fields.u8("choices.size", choices.size());
        for (String choice : choices) {
            Fields.string("choice", choice);
        }
        if (format.hasChoices() == choices.isEmpty()) {
            throw new IllegalArgumentException("a " + format + " problem has " + choices.size() + " choices (expected: "
                    + (format.hasChoices() ? "1 to 255" : "none") + ")");
        }
    }

    /**
     * A problem in the terms of version 1: {@link AnswerFormat#TEXT} without choices, else
     * {@link AnswerFormat#ONE_CHOICE}.
     */
    public Problem(long problemId, int round, int rounds, long timeLimitMillis, String text, List<String> choices) {
        this(problemId, round, rounds, timeLimitMillis, text, formatOfVersion1(choices), choices);
    }

    /** A free-text problem (no choices), as version 1 knows it. */
    public Problem(long problemId, int round, int rounds, long timeLimitMillis, String text) {
        this(problemId, round, rounds, timeLimitMillis, text, List.of());
    }

    /** The format a version 1 reader gives a problem with these choices. */
    static AnswerFormat formatOfVersion1(List<String> choices) {
        return choices.isEmpty() ? AnswerFormat.TEXT : AnswerFormat.ONE_CHOICE;
    }

    @Override
    public MessageType type() {
        return MessageType.PROBLEM;
    }
}
