package dev.tlsquiz.codec;

/** What a connection is in a room, as ROOM tells it. */
public enum RoomRole implements WireCode {
    HOST(0),
    PLAYER(1);

    private final int code;

    RoomRole(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** @throws QuizProtocolException with {@code FIELD_OUT_OF_RANGE} for a code no role owns */
    public static RoomRole fromCode(int code) {
        return WireCode.fromCode(values(), "role", code);
    }
}
