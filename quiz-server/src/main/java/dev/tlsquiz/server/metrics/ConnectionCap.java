package dev.tlsquiz.server.metrics;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps the metrics listener's open connections: one over the cap is answered 503 at once and closed,
 * before it can send anything, so a flood of connections to the metrics port costs a few bytes each
 * and never reaches a scrape. One instance counts every connection, whichever loop it is on.
 */
@Sharable
final class ConnectionCap extends ChannelInboundHandlerAdapter {

    private final int max;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionCap(int max) {
        this.max = max;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            ctx.channel().config().setAutoRead(false);
            HttpResponses.send(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "too many connections to the metrics endpoint (at most " + max + "); retry shortly\n");
            return;
        }
        ctx.channel().closeFuture().addListener(closed -> open.decrementAndGet());
        super.channelActive(ctx);
    }

    /** Open connections now, for tests. */
    int open() {
        return open.get();
    }
}
