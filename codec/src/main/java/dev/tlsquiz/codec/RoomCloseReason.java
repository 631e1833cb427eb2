package dev.tlsquiz.codec;

/** Why a room is gone for a connection, as ROOM_CLOSED tells it. */
public enum RoomCloseReason implements WireCode {
    /** Every question was asked. */
    GAME_OVER(0),
    /** The host ended the game. */
    HOST_ENDED(1),
    /** The host was gone for longer than the server's grace period. */
    HOST_GONE(2),
    /** The host removed this player. */
    KICKED(3),
    /** The server is stopping. */
    SERVER_SHUTTING_DOWN(4);

    private final int code;

    RoomCloseReason(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** @throws QuizProtocolException with {@code FIELD_OUT_OF_RANGE} for a code no reason owns */
    public static RoomCloseReason fromCode(int code) {
        return WireCode.fromCode(values(), "reason", code);
    }
}
