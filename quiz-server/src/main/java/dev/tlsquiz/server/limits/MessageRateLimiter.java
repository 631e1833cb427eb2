package dev.tlsquiz.server.limits;

import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.QuizProtocolException;
import dev.tlsquiz.server.services.LimitHit;
import dev.tlsquiz.server.services.ServerMetrics;
import dev.tlsquiz.text.Counts;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.Objects;

/**
 * Limits the rate of messages one connection may send ({@code --max-messages-per-second}), with a
 * {@link TokenBucket} that allows a burst of twice the rate. It sits after the message decoder, so
 * it counts whole messages, PING included; a flood of frames the decoder rejects never gets this
 * far because the first bad frame already ends the session.
 *
 * <p>The first message over the rate is dropped and turned into a {@link QuizProtocolException}
 * with {@link ErrorCode#RATE_LIMITED}, which the session answers like any protocol violation: one
 * ERROR, then close. Everything that arrives after it is dropped (and released) unread.
 *
 * <p>One instance per connection; its state is confined to the channel's event loop.
 */
public final class MessageRateLimiter extends ChannelInboundHandlerAdapter {

    /** The burst allowed on top of the steady rate, as a multiple of the rate. */
    public static final int BURST_FACTOR = 2;

    private final int maxMessagesPerSecond;
    private final ServerMetrics metrics;
    private TokenBucket bucket;
    private boolean exceeded;

    /** @param maxMessagesPerSecond the steady rate allowed, at least 1 */
    public MessageRateLimiter(int maxMessagesPerSecond) {
        this(maxMessagesPerSecond, ServerMetrics.none());
    }

    /**
     * @param maxMessagesPerSecond the steady rate allowed, at least 1
     * @param metrics              told when the limit cuts a connection off
     */
    public MessageRateLimiter(int maxMessagesPerSecond, ServerMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        if (maxMessagesPerSecond < 1) {
            throw new IllegalArgumentException("maxMessagesPerSecond: " + maxMessagesPerSecond + " (expected: >= 1)");
        }
        this.maxMessagesPerSecond = maxMessagesPerSecond;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        long burst = Math.min(Integer.MAX_VALUE, (long) maxMessagesPerSecond * BURST_FACTOR);
        bucket = new TokenBucket(maxMessagesPerSecond, (int) burst, now(ctx));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (exceeded) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (bucket.tryTake(now(ctx))) {
            ctx.fireChannelRead(msg);
            return;
        }
        exceeded = true;
        metrics.limitHit(LimitHit.MESSAGE_RATE);
        ReferenceCountUtil.release(msg);
        ctx.fireExceptionCaught(new QuizProtocolException(ErrorCode.RATE_LIMITED, "more than "
                + Counts.of(maxMessagesPerSecond, "message") + " per second (burst " + maxMessagesPerSecond * (long) BURST_FACTOR
                + "); a client sends one message per answer, slow down"));
    }

    private static long now(ChannelHandlerContext ctx) {
        // The executor's ticker, so that tests on an EmbeddedChannel can move time forward.
        return ctx.executor().ticker().nanoTime();
    }
}
