package dev.tlsquiz.client.net;

import dev.tlsquiz.client.play.ClientEvent;
import dev.tlsquiz.codec.QuizProtocolException;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The last handler of the client pipeline: any exception that got this far (an I/O error, a TLS
 * alert, a frame the codec rejected) ends the connection, and the play loop decides what to tell
 * the user. A frame the codec rejected is also answered with an ERROR to the server. Only the
 * first failure counts; what follows it is its echo.
 */
final class ClientExceptionHandler extends ChannelInboundHandlerAdapter {

    /**
     * For every write: a write that failed on an open channel is that connection's failure. On a
     * closed one it is only the echo of the close, which the play loop has been told of already; and
     * once the channel is gone its pipeline is empty, so firing it would only reach the pipeline's tail
     * and be logged with a stack trace, once for every write still queued.
     */
    static final ChannelFutureListener REPORT_WRITE_FAILURE = future -> {
        if (!future.isSuccess() && future.channel().isOpen()) {
            future.channel().pipeline().fireExceptionCaught(future.cause());
        }
    };

    private final EventSink sink;
    private boolean failed;

    ClientExceptionHandler(EventSink sink) {
        this.sink = sink;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!failed) {
            failed = true;
            sink.emit(new ClientEvent.ConnectionFailed(cause));
            if (cause instanceof QuizProtocolException violation && ctx.channel().isActive()) {
                // Tell the server what it got wrong, as the protocol asks, before hanging up.
                ctx.writeAndFlush(violation.toErrorMessage()).addListener(ChannelFutureListener.CLOSE);
                return;
            }
        }
        ctx.close();
    }
}
