package dev.tlsquiz.codec;

/**
 * ANSWER, client to server: the player's answer to the open problem.
 *
 * @param problemId the id from the PROBLEM being answered (u32)
 * @param text      the answer exactly as typed; the server trims and judges it
 */
public record Answer(long problemId, String text) implements QuizMessage {

    public Answer {
        Fields.u32("problemId", problemId);
        Fields.string("text", text);
    }

    @Override
    public MessageType type() {
        return MessageType.ANSWER;
    }
}
