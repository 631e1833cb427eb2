package dev.tlsquiz.codec;

import java.util.Optional;

/**
 * The error codes carried by {@link ErrorMessage} and {@link QuizProtocolException}. Codes 1-15
 * are framing and decoding errors, 16-31 session violations, 32-47 server conditions. Every
 * error closes the connection: the side that detects it sends one ERROR frame and closes.
 *
 * <p>A receiver that meets a code it does not know treats it like any other error: it reports
 * the code and the message and ends the session.
 */
public enum ErrorCode {
    /** A frame declared a length above the receiver's maximum. */
    FRAME_TOO_LARGE(1),
    /** A frame's type byte names no message type. */
    UNKNOWN_TYPE(2),
    /** A frame ended before all fields of its type were read. */
    TRUNCATED(3),
    /** A string field is not well-formed UTF-8. */
    INVALID_UTF8(4),
    /** A field holds a value outside its documented range. */
    FIELD_OUT_OF_RANGE(5),
    /** A frame holds bytes after the last field of its type. */
    TRAILING_BYTES(6),
    /** A message arrived from the side that may not send it. */
    WRONG_DIRECTION(7),
    /** A frame declared a length below 1 (no room for the type byte). */
    INVALID_LENGTH(8),

    /** HELLO asked for a protocol version the server does not speak. */
    UNSUPPORTED_VERSION(16),
    /** A message that is not allowed in the session's current state, such as a second HELLO. */
    UNEXPECTED_MESSAGE(17),
    /** An ANSWER for a problem that is not the open one. */
    WRONG_PROBLEM(18),
    /** No HELLO arrived within the deadline after the TLS handshake. */
    HELLO_TIMEOUT(19),
    /** Nothing arrived for longer than the idle timeout. */
    IDLE_TIMEOUT(20),
    /** The peer sent frames faster than the allowed rate. */
    RATE_LIMITED(21),
    /** The peer stopped reading and its unsent data passed the limit. */
    SLOW_CONSUMER(22),
    /** A field is well-formed but not acceptable, such as an empty player name. */
    INVALID_FIELD(23),
    /** JOIN named no open room, or one whose game is over. */
    ROOM_NOT_FOUND(24),
    /** JOIN asked for a name a seat of the room already has, without that seat's token or certificate. */
    NAME_TAKEN(25),
    /** HOST was refused: no or wrong host token, a certificate without the host role, or a room not the host's. */
    HOST_REFUSED(26),
    /** JOIN for a seat the host removed. */
    KICKED(27),
    /** JOIN after the game started, in a room that does not take late joiners. */
    LATE_JOIN_REFUSED(28),

    /** The server is shutting down; the session ends. */
    SERVER_SHUTTING_DOWN(32),
    /** The server has reached a connection limit. */
    SERVER_BUSY(33),
    /** The server failed in a way that is not the client's fault. */
    INTERNAL_ERROR(34),
    /** The room has as many players as the server allows in one. */
    ROOM_FULL(35),
    /** The server has as many rooms open as it allows. */
    TOO_MANY_ROOMS(36);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    /** The numeric code on the wire, 0..65535. */
    public int code() {
        return code;
    }

    /** The known error code with this number, if any. */
    public static Optional<ErrorCode> fromCode(int code) {
        for (ErrorCode errorCode : values()) {
            if (errorCode.code == code) {
                return Optional.of(errorCode);
            }
        }
        return Optional.empty();
    }
}
