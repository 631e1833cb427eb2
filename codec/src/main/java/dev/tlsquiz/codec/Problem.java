package dev.tlsquiz.codec;

import java.util.List;

/**
 * PROBLEM, server to client: the open question of one round.
 *
 * @param problemId       identifies this problem within the session; the ANSWER must carry it (u32)
 * @param round           this problem's round, 1-based (u16)
 * @param rounds          the total number of rounds in the session (u16)
 * @param timeLimitMillis the time allowed to answer, in milliseconds (u32)
 * @param text            what to show the player, such as {@code 17 + 25}
 * @param choices         possible answers for a multiple-choice question; empty for a free answer
 *                        (at most 255)
 */
public record Problem(long problemId, int round, int rounds, long timeLimitMillis, String text,
                      List<String> choices) implements QuizMessage {

    public Problem {
        Fields.u32("problemId", problemId);
        Fields.u16("round", round);
        Fields.u16("rounds", rounds);
        Fields.u32("timeLimitMillis", timeLimitMillis);
        Fields.string("text", text);
        choices = List.copyOf(choices);
        Fields.u8("choices.size", choices.size());
        for (String choice : choices) {
            Fields.string("choice", choice);
        }
    }

    /** A free-answer problem (no choices). */
    public Problem(long problemId, int round, int rounds, long timeLimitMillis, String text) {
        this(problemId, round, rounds, timeLimitMillis, text, List.of());
    }

    @Override
    public MessageType type() {
        return MessageType.PROBLEM;
    }
}
