package dev.tlsquiz.server.limits;

import dev.tlsquiz.server.services.LimitHit;
import dev.tlsquiz.server.services.ServerMetrics;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's backpressure, all in one handler. While the channel is unwritable (its unsent bytes
 * above the write-buffer high-water mark) the connection is not read from: a peer that sends (PINGs,
 * say) but does not read would otherwise grow our outbound buffer without bound. When it stays
 * unwritable for longer than {@code --slow-consumer-timeout}, the connection is closed. So the server
 * buffers at most about one high-water mark per connection, and not for long.
 *
 * <p>No ERROR {@code SLOW_CONSUMER} is sent: the channel is unwritable by definition when the
 * timer fires, so an ERROR would only queue behind everything the peer is not reading. For the
 * same reason the close starts at the head of the pipeline, past the {@code SslHandler}: a
 * close_notify would wait (up to its own timeout) behind the unread bytes too. The connection goes
 * at once and the queued bytes are released with it.
 *
 * <p>One instance per connection; its timer runs on the channel's event loop and is cancelled as
 * soon as the channel is writable again or closes.
 */
public final class SlowConsumerHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(SlowConsumerHandler.class);

    private final long timeoutMillis;
    private final ServerMetrics metrics;
    private ScheduledFuture<?> timer;

    /** @param timeout how long the channel may stay unwritable, at least 1 ms */
    public SlowConsumerHandler(Duration timeout) {
        this(timeout, ServerMetrics.none());
    }

    /**
     * @param timeout how long the channel may stay unwritable, at least 1 ms
     * @param metrics told when a slow consumer is cut off
     */
    public SlowConsumerHandler(Duration timeout, ServerMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.timeoutMillis = timeout.toMillis();
        if (timeoutMillis < 1) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: >= 1ms)");
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // Read again only once the peer has read what we sent.
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        if (ctx.channel().isWritable()) {
            cancel();
        } else if (timer == null) {
            timer = ctx.executor().schedule(() -> onTimeout(ctx), timeoutMillis, TimeUnit.MILLISECONDS);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    private void onTimeout(ChannelHandlerContext ctx) {
        timer = null;
        if (ctx.channel().isWritable()) {
            return;
        }
        metrics.limitHit(LimitHit.SLOW_CONSUMER);
        // One line per connection at most, and only for connections that were admitted and got this far.
        LOG.info("{}: closing the connection: the client stopped reading for {} ms (slow consumer)",
                ctx.channel().remoteAddress(), timeoutMillis);
        // From the first handler's context: nothing in between, TLS included, holds the close up.
        ctx.pipeline().firstContext().close();
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
