package dev.tlsquiz.client.net;

import dev.tlsquiz.client.play.ClientEvent;
import dev.tlsquiz.codec.Ping;
import dev.tlsquiz.codec.Pong;
import dev.tlsquiz.codec.QuizMessage;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's end of a session on the event loop: it hands every server message to the play
 * loop and does only what must not wait for a person. It answers PING with PONG, sends a PING
 * heartbeat when the client has written nothing for a while (so the server's idle timeout never
 * cuts off a slow player), and reports a server that has gone silent.
 */
final class ClientSessionHandler extends SimpleChannelInboundHandler<QuizMessage> {

    private static final Logger log = LoggerFactory.getLogger(ClientSessionHandler.class);

    private final EventSink sink;
    private final long readerIdleMillis;

    ClientSessionHandler(EventSink sink, long readerIdleMillis) {
        this.sink = sink;
        this.readerIdleMillis = readerIdleMillis;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, QuizMessage message) {
        if (message instanceof Ping ping) {
            ctx.writeAndFlush(new Pong(ping.token()));
            return;
        }
        if (message instanceof Pong pong) {
            log.debug("heartbeat answered after {} ms",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pong.token()));
            return;
        }
        sink.emit(new ClientEvent.MessageReceived(message));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.WRITER_IDLE) {
                // The token is our send time, so the PONG tells the round trip.
                ctx.writeAndFlush(new Ping(System.nanoTime()))
                        .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
            } else if (idle.state() == IdleState.READER_IDLE) {
                sink.emit(new ClientEvent.ServerSilent(readerIdleMillis));
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        sink.emit(new ClientEvent.ConnectionClosed());
        super.channelInactive(ctx);
    }
}
