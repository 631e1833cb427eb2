package dev.tlsquiz.codec;

/**
 * PROGRESS, server to client: answers coming in for the open question of a room.
 *
 * @param problemId the open question (u32)
 * @param answered  players who have answered it (u32)
 * @param players   players in the room (u32)
 */
public record Progress(long problemId, long answered, long players) implements QuizMessage {

    public Progress {
        Fields.u32("problemId", problemId);
        Fields.u32("answered", answered);
        Fields.u32("players", players);
    }

    @Override
    public MessageType type() {
        return MessageType.PROGRESS;
    }
}
