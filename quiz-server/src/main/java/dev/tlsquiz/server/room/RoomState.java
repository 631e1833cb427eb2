package dev.tlsquiz.server.room;

/** Where a room's game is, as players are told (ROOM and LOBBY carry it as a byte). */
public enum RoomState {
    /** Players are joining; no question has been asked. */
    LOBBY(0),
    /** Questions are being asked: one is open, or the next is due. */
    PLAYING(1),
    /** The host paused between questions; the next opens on resume. */
    PAUSED(2),
    /** The game is over. */
    FINISHED(3);

    private final int code;

    RoomState(int code) {
        this.code = code;
    }

    /** The byte on the wire. */
    public int code() {
        return code;
    }
}
