package dev.tlsquiz.codec;

import io.netty.handler.codec.DecoderException;

/**
 * The one exception for a violation of the wire protocol: a malformed frame, or a message that is
 * not allowed where it arrived. It carries the {@link ErrorCode} to send to the peer in an ERROR
 * frame before the connection is closed.
 *
 * <p>It extends {@link DecoderException} so that Netty's decoders pass it through unwrapped.
 */
public final class QuizProtocolException extends DecoderException {

    private final ErrorCode errorCode;

    public QuizProtocolException(ErrorCode errorCode, String message) {
        super(errorCode + ": " + message);
        this.errorCode = errorCode;
    }

    /** What went wrong, as the code to send to the peer. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The ERROR message that tells the peer about this violation. */
    public ErrorMessage toErrorMessage() {
        return new ErrorMessage(errorCode.code(), getMessage());
    }
}
