package dev.tlsquiz.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;
import java.util.Objects;

/**
 * Splits the byte stream into frames: reads the 4-byte length, checks it against
 * {@link CodecLimits#maxFrameBytes()} before buffering anything more, then emits the type byte
 * and payload as one retained slice for {@link QuizMessageDecoder}. See {@link QuizWire} for the
 * layout.
 *
 * <p>A length of 0 ({@link ErrorCode#INVALID_LENGTH}) or above the limit
 * ({@link ErrorCode#FRAME_TOO_LARGE}) leaves no way to find the next frame, so after either the
 * decoder discards every byte that follows; the session layer answers the exception with an
 * ERROR and closes the connection.
 *
 * <p>One instance per channel: it keeps the state of the frame in progress.
 */
public final class QuizFrameDecoder extends ByteToMessageDecoder {

    private enum State {
        /** Waiting for the 4-byte length. */
        READ_HEADER,
        /** The length was accepted; waiting for that many bytes. */
        READ_BODY,
        /** The stream is unusable after a bad length; everything is dropped. */
        DISCARD
    }

    private final int maxFrameBytes;
    private State state = State.READ_HEADER;
    private int frameBytes;

    public QuizFrameDecoder(CodecLimits limits) {
        this.maxFrameBytes = Objects.requireNonNull(limits, "limits").maxFrameBytes();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        // Loop here rather than relying on ByteToMessageDecoder's loop, so that one call can go
        // from a header to its body when both are already buffered.
        while (true) {
            boolean progressed = switch (state) {
                case READ_HEADER -> decodeHeader(in);
                case READ_BODY -> decodeBody(in, out);
                case DISCARD -> decodeDiscard(in);
            };
            if (!progressed || !out.isEmpty()) {
                return;
            }
        }
    }

    private boolean decodeHeader(ByteBuf in) {
        if (in.readableBytes() < QuizWire.LENGTH_FIELD_BYTES) {
            return false;
        }
        long length = in.readUnsignedInt();
        if (length < QuizWire.TYPE_FIELD_BYTES) {
            throw fail(in, ErrorCode.INVALID_LENGTH,
                    "length: " + length + " (expected: >= " + QuizWire.TYPE_FIELD_BYTES + ")");
        }
        if (length > maxFrameBytes) {
            throw fail(in, ErrorCode.FRAME_TOO_LARGE,
                    "length: " + length + " (expected: <= " + maxFrameBytes + ")");
        }
        frameBytes = (int) length;
        state = State.READ_BODY;
        return true;
    }

    private boolean decodeBody(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < frameBytes) {
            return false;
        }
        out.add(in.readRetainedSlice(frameBytes));
        state = State.READ_HEADER;
        return true;
    }

    private boolean decodeDiscard(ByteBuf in) {
        in.skipBytes(in.readableBytes());
        return false;
    }

    private QuizProtocolException fail(ByteBuf in, ErrorCode code, String message) {
        state = State.DISCARD;
        in.skipBytes(in.readableBytes());
        return new QuizProtocolException(code, message);
    }
}
