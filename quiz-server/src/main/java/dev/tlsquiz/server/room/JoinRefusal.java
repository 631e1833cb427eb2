package dev.tlsquiz.server.room;

/** Why a room would not seat a player; the transport maps each to an error code. */
public enum JoinRefusal {
    /** A seat with this name exists and the player cannot prove it is theirs. */
    NAME_TAKEN,
    /** The player's seat was kicked by the host: it cannot be taken again. */
    KICKED,
    /** The game has started and the host does not allow late joiners. */
    LATE_JOIN_REFUSED,
    /** The room has as many players as it may hold. */
    ROOM_FULL,
    /** The game is over: nothing to join. */
    GAME_OVER
}
