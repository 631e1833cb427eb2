package dev.tlsquiz.client.render;

import dev.tlsquiz.client.Terminal;
import dev.tlsquiz.codec.Lobby;
import dev.tlsquiz.codec.Notice;
import dev.tlsquiz.codec.Progress;
import dev.tlsquiz.codec.Room;
import dev.tlsquiz.codec.RoomClosed;
import dev.tlsquiz.codec.Standings;
import dev.tlsquiz.codec.Welcome;
import java.util.List;

/**
 * Shows what a room adds to a session: the room, its lobby, answers coming in, the standings, notices,
 * the close and the final summary with the player's rank. Problems and verdicts are the
 * {@link SessionRenderer}'s, as in solo play; a room view writes to the same streams in the same format.
 *
 * <p>Names, codes, notices and messages are the server's (and other players') words: the text view
 * sanitises every one ({@code TerminalText}), the JSON view escapes them.
 */
public interface RoomView {

    /**
     * The host's room is open.
     *
     * @param joinCommand the command players run to join, trust options included
     */
    void opened(Room room, Welcome welcome, String joinCommand);

    /**
     * This player has a seat.
     *
     * @param rejoined whether the seat was taken back with a kept token
     */
    void joined(Room room, Welcome welcome, boolean rejoined);

    /**
     * Who is in the room.
     *
     * @param quiet whether the player is typing an answer: text waits (JSON never does)
     */
    void lobby(Lobby lobby, boolean quiet);

    /** Answers coming in; {@code quiet} as in {@link #lobby}. */
    void progress(Progress progress, boolean quiet);

    /**
     * The player's answer is sent; the verdict comes when the question closes.
     *
     * @param last the last PROGRESS of this question, or {@code null}
     */
    void waiting(Progress last);

    /**
     * The ranking after a question, or the final one.
     *
     * @param ownName the name this player has in the room, or {@code null} for the host
     */
    void standings(Standings standings, String ownName);

    /** A condition that ends nothing (a host command that does nothing now, a second answer). */
    void notice(Notice notice);

    /** The room is gone for this connection. */
    void closed(RoomClosed closed);

    /**
     * The player's result.
     *
     * @param finalStandings the final STANDINGS, or {@code null} when the player left before the end
     * @param code           the room's code, for the rejoin hint after leaving early
     */
    void summary(SessionSummary summary, Standings finalStandings, String code);

    /** The host's command list ({@code help}). */
    void help(List<String> lines);

    /** A line for the host or player about their own input or the client's doing; stderr in JSON. */
    void note(String line);

    /**
     * The view for {@code renderer}'s format and streams.
     *
     * @param renderer the session's renderer, which the view shares its output with
     */
    static RoomView create(SessionRenderer renderer, Terminal terminal) {
        if (renderer instanceof JsonRenderer json) {
            return new RoomJsonView(json, terminal.err());
        }
        if (renderer instanceof TextRenderer text) {
            return new RoomTextView(text, terminal.out(), terminal.err(), terminal.colour());
        }
        throw new IllegalArgumentException("no room view for " + renderer.getClass().getName());
    }
}
