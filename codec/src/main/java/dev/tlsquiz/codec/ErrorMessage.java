package dev.tlsquiz.codec;

import java.util.Optional;

/**
 * ERROR, either direction: the sender detected a violation or a condition that ends the session,
 * and closes the connection after this frame.
 *
 * @param code    the numeric error code (u16), one of {@link ErrorCode} or a newer one
 * @param message a human-readable explanation; for display and logs, never parsed
 */
public record ErrorMessage(int code, String message) implements QuizMessage {

    public ErrorMessage {
        Fields.u16("code", code);
        Fields.string("message", message);
    }

    public ErrorMessage(ErrorCode code, String message) {
        this(code.code(), message);
    }

    /** The code as a known {@link ErrorCode}, or empty when this build does not know it. */
    public Optional<ErrorCode> errorCode() {
        return ErrorCode.fromCode(code);
    }

    @Override
    public MessageType type() {
        return MessageType.ERROR;
    }
}
