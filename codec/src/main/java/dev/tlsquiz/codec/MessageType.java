package dev.tlsquiz.codec;

import java.util.Arrays;

/**
 * The message types and their wire codes (the type byte of a frame). Each type owns its code and
 * the direction it may travel in; {@link #fromCode(int)} rejects any code not listed here.
 */
public enum MessageType {
    HELLO(0x01, Direction.CLIENT_TO_SERVER),
    WELCOME(0x02, Direction.SERVER_TO_CLIENT),
    PROBLEM(0x03, Direction.SERVER_TO_CLIENT),
    ANSWER(0x04, Direction.CLIENT_TO_SERVER),
    VERDICT(0x05, Direction.SERVER_TO_CLIENT),
    SUMMARY(0x06, Direction.SERVER_TO_CLIENT),
    ERROR(0x07, Direction.BOTH),
    PING(0x08, Direction.BOTH),
    PONG(0x09, Direction.BOTH),
    BYE(0x0A, Direction.CLIENT_TO_SERVER);

    private static final MessageType[] BY_CODE = indexByCode();

    private final int code;
    private final Direction direction;

    MessageType(int code, Direction direction) {
        this.code = code;
        this.direction = direction;
    }

    /** The type byte on the wire, 0..255. */
    public int code() {
        return code;
    }

    /** Who may send this type. */
    public Direction direction() {
        return direction;
    }

    /**
     * The type with this wire code.
     *
     * @throws QuizProtocolException with {@link ErrorCode#UNKNOWN_TYPE} for a code no type owns
     */
    public static MessageType fromCode(int code) {
        MessageType type = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (type == null) {
            throw new QuizProtocolException(ErrorCode.UNKNOWN_TYPE,
                    String.format("type: 0x%02x (expected: one of %s)", code, Arrays.toString(values())));
        }
        return type;
    }

    private static MessageType[] indexByCode() {
        MessageType[] byCode = new MessageType[256];
        for (MessageType type : values()) {
            if (byCode[type.code] != null) {
                throw new IllegalStateException("duplicate wire code " + type.code + ": "
                        + byCode[type.code] + " and " + type);
            }
            byCode[type.code] = type;
        }
        return byCode;
    }
}
