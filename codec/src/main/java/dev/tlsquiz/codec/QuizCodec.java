package dev.tlsquiz.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelPipeline;

/**
 * Installs the tlsquiz codec into a pipeline, and encodes single frames for tools and tests.
 *
 * <p>The three handlers, in order: {@link PipelineNames#FRAME_DECODER} (bytes to bounded frames),
 * {@link PipelineNames#MESSAGE_DECODER} (frames to messages, rejecting the wrong direction) and
 * {@link PipelineNames#MESSAGE_ENCODER} (messages to frames). Decoding errors surface as a
 * {@link QuizProtocolException} in {@code exceptionCaught}, for the session to answer with an
 * ERROR and close.
 */
public final class QuizCodec {

    private QuizCodec() {
    }

    /**
     * Appends the frame decoder, message decoder and message encoder to {@code pipeline}.
     *
     * @param localSide the side this pipeline plays (the decoder accepts messages from its peer)
     * @param limits    the limits the decoder enforces
     */
    public static void install(ChannelPipeline pipeline, Side localSide, CodecLimits limits) {
        pipeline.addLast(PipelineNames.FRAME_DECODER, new QuizFrameDecoder(limits));
        pipeline.addLast(PipelineNames.MESSAGE_DECODER, QuizMessageDecoder.forSide(localSide));
        pipeline.addLast(PipelineNames.MESSAGE_ENCODER, QuizMessageEncoder.INSTANCE);
    }

    /**
     * Encodes {@code message} as one complete frame in {@link NegotiatedVersion#DEFAULT version 1},
     * in a new buffer of exactly its encoded size. The caller owns (and must release) the buffer.
     */
    public static ByteBuf encode(ByteBufAllocator allocator, QuizMessage message) {
        return encode(allocator, message, NegotiatedVersion.DEFAULT);
    }

    /**
     * Encodes {@code message} as one complete frame in protocol {@code version}, in a new buffer of
     * exactly its encoded size. The caller owns (and must release) the buffer.
     */
    public static ByteBuf encode(ByteBufAllocator allocator, QuizMessage message, int version) {
        int size = QuizWire.encodedSize(message, version);
        ByteBuf out = allocator.buffer(size, size);
        try {
            QuizWire.writeFrame(message, out, version);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }
}
