package dev.tlsquiz.client.play;

import dev.tlsquiz.client.ClientFailure;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.client.render.SessionSummary;
import java.util.Optional;

/**
 * What a seat in a room adds to the play loop ({@code quiz join}): the message that opens the session
 * (JOIN instead of HELLO), the room's own messages, what is shown once an answer is sent (the verdict
 * waits for the question's close), the summary with the rank, and what the room's errors and close mean.
 * Problems, answers and verdicts are played exactly as in solo play. Called on the play loop's thread.
 */
public interface RoomSeat {

    /** The first message of the session. */
    QuizMessage opening();

    /**
     * WELCOME, ROOM, LOBBY, PROGRESS, STANDINGS, NOTICE or ROOM_CLOSED arrived (the seat shows WELCOME
     * with ROOM, which follows it).
     *
     * @param answering whether the player is typing an answer at a line editor: text that is not urgent waits
     */
    void onMessage(QuizMessage message, boolean answering);

    /** The answer to {@code problem} went to the server. */
    void answerSent(Problem problem);

    /** The SUMMARY arrived: the session ends. */
    void summary(SessionSummary summary);

    /** The failure an ERROR from the server means in a room (a room not found, a name taken, a kick...). */
    ClientFailure serverError(ErrorMessage error);

    /** The failure a close before the SUMMARY means, when the room said why (a ROOM_CLOSED came first). */
    Optional<ClientFailure> closedByServer();
}
