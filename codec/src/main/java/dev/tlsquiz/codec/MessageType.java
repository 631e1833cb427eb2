package dev.tlsquiz.codec;

import java.util.Arrays;

/**
 * The message types and their wire codes (the type byte of a frame). Each type owns its code, the
 * direction it may travel in and the codec of its payload, so a type cannot be added without
 * saying how it is read and written; {@link #fromCode(int)} rejects any code not listed here.
 * Code that acts on received messages switches over this enum with switch expressions, so the
 * compiler also finds every place a new type must be handled.
 */
public enum MessageType {
    HELLO(0x01, Direction.CLIENT_TO_SERVER, MessageBodies.HELLO),
    WELCOME(0x02, Direction.SERVER_TO_CLIENT, MessageBodies.WELCOME),
    PROBLEM(0x03, Direction.SERVER_TO_CLIENT, MessageBodies.PROBLEM),
    ANSWER(0x04, Direction.CLIENT_TO_SERVER, MessageBodies.ANSWER),
    VERDICT(0x05, Direction.SERVER_TO_CLIENT, MessageBodies.VERDICT),
    SUMMARY(0x06, Direction.SERVER_TO_CLIENT, MessageBodies.SUMMARY),
    ERROR(0x07, Direction.BOTH, MessageBodies.ERROR),
    PING(0x08, Direction.BOTH, MessageBodies.PING),
    PONG(0x09, Direction.BOTH, MessageBodies.PONG),
    BYE(0x0A, Direction.CLIENT_TO_SERVER, MessageBodies.BYE);

    private static final MessageType[] BY_CODE = indexByCode();

    private final int code;
    private final Direction direction;
    private final BodyCodec<?> codec;

    MessageType(int code, Direction direction, BodyCodec<?> codec) {
        this.code = code;
        this.direction = direction;
        this.codec = codec;
    }

    /** The type byte on the wire, 0..255. */
    public int code() {
        return code;
    }

    /** Who may send this type. */
    public Direction direction() {
        return direction;
    }

    /** Reads and writes this type's payload. */
    BodyCodec<?> codec() {
        return codec;
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
