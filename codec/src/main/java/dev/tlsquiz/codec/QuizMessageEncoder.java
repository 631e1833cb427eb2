package dev.tlsquiz.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes a {@link QuizMessage} as one frame (see {@link QuizWire}) into a buffer allocated with
 * exactly the frame's {@linkplain QuizWire#encodedSize encoded size} as both its capacity and its
 * maximum, so an encoding bug fails loudly instead of growing the buffer. Each message is written
 * in the version its channel speaks ({@link NegotiatedVersion}).
 *
 * <p>Stateless, so one instance ({@link #INSTANCE}) serves every channel. It does not enforce the
 * peer's frame limit: keeping messages small (the default limit is 16 KiB) is the sender's job.
 */
@Sharable
public final class QuizMessageEncoder extends MessageToByteEncoder<QuizMessage> {

    /** The instance every pipeline can share. */
    public static final QuizMessageEncoder INSTANCE = new QuizMessageEncoder();

    public QuizMessageEncoder() {
        super(QuizMessage.class);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, QuizMessage message,
                                     boolean preferDirect) {
        int size = QuizWire.encodedSize(message, NegotiatedVersion.of(ctx.channel()));
        return preferDirect ? ctx.alloc().ioBuffer(size, size) : ctx.alloc().heapBuffer(size, size);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, QuizMessage message, ByteBuf out) {
        QuizWire.writeFrame(message, out, NegotiatedVersion.of(ctx.channel()));
    }
}
