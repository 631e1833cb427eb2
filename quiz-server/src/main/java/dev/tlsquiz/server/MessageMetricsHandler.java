package dev.tlsquiz.server;

import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.server.services.ServerMetrics;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.Objects;

/**
 * Counts whole messages by type as they pass between the codec and the handlers behind it: every
 * message a client sent (the rate limiter's drops included), and every message written to it, from
 * whichever driver (a session, a room). An ERROR written counts by its code too. It holds no state,
 * so one instance serves every connection; each count is one increment of a counter the metrics
 * resolved in advance.
 */
@Sharable
final class MessageMetricsHandler extends ChannelDuplexHandler {

    private final ServerMetrics metrics;

    MessageMetricsHandler(ServerMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof QuizMessage message) {
            metrics.messageReceived(message.type());
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof QuizMessage message) {
            metrics.messageSent(message.type());
            if (message instanceof ErrorMessage error) {
                error.errorCode().ifPresent(metrics::errorSent);
            }
        }
        ctx.write(msg, promise);
    }
}
