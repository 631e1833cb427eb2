package dev.tlsquiz.codec;

import java.util.Objects;

/**
 * ROOM, server to client: right after WELCOME in a room session, what the room is and what this
 * connection is in it.
 *
 * @param code      the room's code, as players type it ({@code K7Q-2MF})
 * @param role      host or player
 * @param seatToken for a player, the token that proves the seat on a rejoin (keep it); empty for the host
 * @param state     where the game is
 * @param players   players in the room now (u32)
 * @param hostName  the host's name
 * @param lateJoin  whether players may still join once the game has started
 */
public record Room(String code, RoomRole role, String seatToken, RoomState state, long players, String hostName,
                   boolean lateJoin) implements QuizMessage {

    public Room {
        Fields.string("code", code);
        Objects.requireNonNull(role, "role");
        Fields.string("seatToken", seatToken);
        Objects.requireNonNull(state, "state");
        Fields.u32("players", players);
        Fields.string("hostName", hostName);
    }

    /** The seat token proves a seat: never in a log line or an exception message. */
    @Override
    public String toString() {
        return "Room[code=" + code + ", role=" + role + ", seatToken="
                + (seatToken.isEmpty() ? "" : "(" + WireStrings.utf8Length(seatToken) + " bytes)") + ", state=" + state
                + ", players=" + players + ", hostName=" + hostName + ", lateJoin=" + lateJoin + "]";
    }

    @Override
    public MessageType type() {
        return MessageType.ROOM;
    }
}
