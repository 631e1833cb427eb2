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
    BYE(0x0A, Direction.CLIENT_TO_SERVER, MessageBodies.BYE),
    // Rooms, version 2 on.
    HOST(0x0B, Direction.CLIENT_TO_SERVER, MessageBodies.HOST),
    BANK_PART(0x0C, Direction.CLIENT_TO_SERVER, MessageBodies.BANK_PART),
    JOIN(0x0D, Direction.CLIENT_TO_SERVER, MessageBodies.JOIN),
    ROOM(0x0E, Direction.SERVER_TO_CLIENT, MessageBodies.ROOM),
    LOBBY(0x0F, Direction.SERVER_TO_CLIENT, MessageBodies.LOBBY),
    PROGRESS(0x10, Direction.SERVER_TO_CLIENT, MessageBodies.PROGRESS),
    STANDINGS(0x11, Direction.SERVER_TO_CLIENT, MessageBodies.STANDINGS),
    NOTICE(0x12, Direction.SERVER_TO_CLIENT, MessageBodies.NOTICE),
    ROOM_CLOSED(0x13, Direction.SERVER_TO_CLIENT, MessageBodies.ROOM_CLOSED),
    HOST_COMMAND(0x14, Direction.CLIENT_TO_SERVER, MessageBodies.HOST_COMMAND);

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
