package dev.tlsquiz.bench.load;

import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.QuizCodec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/**
 * Round trips against the echo peer: sends an ANSWER frame (the same bytes a player sends), and the
 * echoed frame is the response. No HELLO, no session. State confined to the channel's event loop.
 */
final class EchoPlayer extends SimpleChannelInboundHandler<ByteBuf> {

    private final ConnectionEnd end;
    private final Pacer pacer;
    private long sequence;

    EchoPlayer(ConnectionEnd end, Pacer pacer) {
        this.end = end;
        this.pacer = pacer;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        pacer.ready(ctx, this::send);
        ctx.fireChannelActive();
    }

    private void send(ChannelHandlerContext ctx) {
        sequence = (sequence + 1) & 0xFFFF_FFFFL;
        // The same 15-byte frame an ANSWER "42" is, so both peers move the same bytes.
        ctx.writeAndFlush(QuizCodec.encode(ctx.alloc(), new Answer(sequence, "42")));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        // SimpleChannelInboundHandler releases the frame.
        pacer.responded();
        pacer.ready(ctx, this::send);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        pacer.detach();
        end.closedByPeer();
        ctx.fireChannelInactive();
    }
}
