package dev.tlsquiz.codec;

/** Where a room's game is, as ROOM and LOBBY tell it. */
public enum RoomState implements WireCode {
    /** Players are joining; the host has not started. */
    LOBBY(0),
    /** Questions are being asked. */
    PLAYING(1),
    /** The host paused between questions. */
    PAUSED(2),
    /** The game is over. */
    FINISHED(3);

    private final int code;

    RoomState(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** @throws QuizProtocolException with {@code FIELD_OUT_OF_RANGE} for a code no state owns */
    public static RoomState fromCode(int code) {
        return WireCode.fromCode(values(), "state", code);
    }
}
