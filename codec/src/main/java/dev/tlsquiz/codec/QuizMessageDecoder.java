package dev.tlsquiz.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns one frame from {@link QuizFrameDecoder} (type byte and payload) into a
 * {@link QuizMessage}. It rejects an unknown type byte ({@link ErrorCode#UNKNOWN_TYPE}), a type
 * the peer may not send ({@link ErrorCode#WRONG_DIRECTION}) and any malformed payload with a
 * {@link QuizProtocolException}; no other exception leaves it. The frame is released either way,
 * and because every frame stands alone, the next frame decodes normally after an error. Each
 * payload is read in the version its channel speaks ({@link NegotiatedVersion}).
 *
 * <p>Stateless, so one instance per side serves every channel ({@link #forSide(Side)}).
 */
@Sharable
public final class QuizMessageDecoder extends MessageToMessageDecoder<ByteBuf> {

    private static final QuizMessageDecoder ON_SERVER = new QuizMessageDecoder(Side.SERVER);
    private static final QuizMessageDecoder ON_CLIENT = new QuizMessageDecoder(Side.CLIENT);

    private final Side peer;

    /** The shared decoder for pipelines playing {@code localSide}. */
    public static QuizMessageDecoder forSide(Side localSide) {
        return Objects.requireNonNull(localSide, "localSide") == Side.SERVER ? ON_SERVER : ON_CLIENT;
    }

    /** @param localSide the side this pipeline plays; messages must come from its peer */
    private QuizMessageDecoder(Side localSide) {
        super(ByteBuf.class);
        this.peer = Objects.requireNonNull(localSide, "localSide").peer();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        out.add(decode(frame, NegotiatedVersion.of(ctx.channel())));
    }

    private QuizMessage decode(ByteBuf frame, int version) {
        if (!frame.isReadable()) {
            throw new QuizProtocolException(ErrorCode.TRUNCATED, "type: 0 bytes left (expected: >= 1)");
        }
        MessageType type = MessageType.fromCode(frame.readUnsignedByte());
        if (!type.direction().allowsSender(peer)) {
            throw new QuizProtocolException(ErrorCode.WRONG_DIRECTION,
                    "type: " + type + " sent by the " + peer.name().toLowerCase(Locale.ROOT)
                            + " (expected: " + type.direction() + ")");
        }
        return type.codec().read(new FieldReader(frame, type), version);
    }
}
