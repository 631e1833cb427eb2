package dev.tlsquiz.codec;

/**
 * NOTICE, server to client: a condition that does not end the session, such as a host command
 * that does nothing now. Unlike ERROR, the connection stays open.
 *
 * @param code    an error code from PROTOCOL.md section 7 (u16); a receiver accepts codes it does not know
 * @param message what happened and what to do, for display; never parsed
 */
public record Notice(int code, String message) implements QuizMessage {

    public Notice {
        Fields.u16("code", code);
        Fields.string("message", message);
    }

    public Notice(ErrorCode code, String message) {
        this(code.code(), message);
    }

    @Override
    public MessageType type() {
        return MessageType.NOTICE;
    }
}
