package dev.tlsquiz.server;

import dev.tlsquiz.codec.PipelineNames;
import dev.tlsquiz.codec.QuizMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Looks at a connection's first message and leaves the session it opens in charge: HELLO stays
 * with the solo {@link QuizSession} (unchanged); HOST puts a {@link RoomHostSession} in its place,
 * JOIN a {@link RoomPlayerSession}. Then the router removes itself, so every later message goes
 * straight to the session. Anything else goes to the solo session too, which refuses it as before.
 */
final class SessionRouter extends ChannelInboundHandlerAdapter {

    private final SessionEnvironment env;

    SessionRouter(SessionEnvironment env) {
        this.env = env;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof QuizMessage message) {
            switch (message.type()) {
                case HOST -> ctx.pipeline().replace(PipelineNames.SESSION, PipelineNames.SESSION,
                        new RoomHostSession(env));
                case JOIN -> ctx.pipeline().replace(PipelineNames.SESSION, PipelineNames.SESSION,
                        new RoomPlayerSession(env));
                default -> {
                    // HELLO, or a message no session begins with: the solo session answers it as it always has.
                }
            }
        }
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(msg);
    }
}
